#!/usr/bin/env python3
"""Writes the reports of the fifth blind round (c43–c50): shapes the corpus lacked, each with
its gold file, written before the importer ever read the file — a hospital 评审 report numbered
1 / 1.1 / 1.2 with relative deadlines (立行立改, 每季度, 次年3月底前, 长期坚持); a CDC report
numbered 一、（一）1.（1）① whose status is a closing sentence; a portal page of <p> and <br>
with spans inside the words; a Word report numbered by numPr on a multi-level list whose
third level runs on across sections (lvlRestart 0); a report whose sections say the status
(集中整改期内已完成（含基本完成）的整改事项 / 需长期坚持整改的事项); a 回头看 report with 销号;
a GB18030 CRLF text with a table copied out of Excel (quoted cells with line breaks); a
WeChat post with ◆/▶ bullets.

Usage: make_round5_reports.py OUT_DIR [c43 c44 ...]
"""
import os
import sys

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
import functools

import fixtures

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
gold = functools.partial(fixtures.gold, OUT)
write = functools.partial(fixtures.write, OUT)


# 43. A hospital's report on the 等级评审 experts' findings, numbered the way quality offices
#     number: "1 " sections, "1.1" problems (no punctuation after the number); deadlines
#     relative (立行立改, 每季度, 2025年底前, 次年3月底前, 长期坚持); status in a field or only in
#     the closing sentence.
def c43():
    name = "c43_hospital_decimal_relative_yxrmyy.txt"
    write(name, """永兴县人民医院关于三级医院评审反馈问题整改情况的报告

县卫生健康局：
　　2025年8月18日至20日，省卫生健康委医院评审专家组对我院开展了三级医院评审现场评价，9月5日反馈了评审发现的问题3个方面8条。医院高度重视，逐条制定整改措施，明确责任科室和整改时限。截至2025年11月15日，已完成整改4条，正在整改3条，需长期坚持1条。现将整改情况报告如下。

1 医疗质量安全核心制度落实方面
1.1 三级查房制度执行不到位，部分住院病历缺少上级医师查房记录。
　　整改措施：修订《三级查房制度实施细则》，将查房记录纳入科室质控考核。
　　责任科室：医务科
　　整改时限：立行立改
　　完成情况：已完成。医务科每月抽查运行病历200份，10月查房记录完整率98.5%。
1.2 疑难病例讨论制度落实不规范，讨论记录内容简单。
　　整改措施：修订《疑难病例讨论制度》，统一讨论记录模板，组织各临床科室培训考核。
　　责任科室：医务科
　　整改时限：2025年底前
　　目前已修订制度并下发记录模板，培训正在进行，预计12月底前完成全院考核。
1.3 危急值报告登记不完整，个别科室未记录处置情况。
　　整改措施：上线危急值闭环管理系统，检验科、影像科每季度开展危急值报告质量分析。
　　责任科室：检验科、影像科
　　整改时限：每季度
　　危急值闭环管理系统已于9月30日上线运行，第三季度分析报告已通报各科室。该问题已整改到位。

2 合理用药方面
2.1 抗菌药物使用强度超过控制目标。
　　整改措施：药学部建立抗菌药物专项点评制度，对使用强度排名前五的科室约谈科主任。
　　责任科室：药学部
　　整改时限：2025年10月31日
　　10月全院抗菌药物使用强度降至38.6DDDs，已达到控制目标。该问题已整改完成。
2.2 部分科室辅助用药使用占比偏高。
　　整改措施：制定重点监控药品目录，实行处方前置审核。
　　责任科室：药学部、信息科
　　整改时限：次年3月底前
　　处方前置审核系统正在调试，辅助用药占比较整改前下降4.2个百分点，目前仍在推进。
2.3 处方点评结果运用不充分。
　　整改措施：将点评结果与医师绩效挂钩，每月公示不合理处方。
　　责任科室：药学部、绩效办
　　整改时限：2025年9月30日
　　完成情况：已完成。

3 医院感染管理方面
3.1 手卫生依从性偏低，部分医务人员手卫生时机把握不准。
　　整改措施：开展手卫生专项培训和暗访督查，每月通报依从性。
　　责任科室：院感科
　　整改时限：长期坚持
　　10月全院手卫生依从性由72%提升至89%。该项工作需长期坚持。
3.2 内镜清洗消毒流程不规范，洗消区域布局不合理。
　　整改措施：新建内镜洗消中心，按规范分区布局。
　　责任科室：院感科、总务科
　　整改时限：2026年1月31日前
　　新建内镜洗消中心装修已完成，设备正在安装调试，计划2026年1月31日前投入使用。

　　下一步，医院将持续巩固整改成果，对未完成的问题挂图作战，确保按期整改到位。

永兴县人民医院
2025年11月20日
""")
    gold(name, [
        ("三级查房制度执行不到位", False, None),
        ("疑难病例讨论制度落实不规范", True, "2025-12-31"),
        ("危急值报告登记不完整", False, None),
        ("抗菌药物使用强度超过控制目标", False, None),
        ("部分科室辅助用药使用占比偏高", True, "2026-03-31"),
        ("处方点评结果运用不充分", False, None),
        ("手卫生依从性偏低", True, None),
        ("内镜清洗消毒流程不规范", True, "2026-01-31"),
    ], "2025-11-20", {"problems": 8, "done": 4})


# 44. A CDC's report numbered 一、（一）1.（1）①: the 1. headings are the problems, (1)/（2）
#     (half- and full-width mixed) their measures, ① ② points inside a measure; the status is
#     only the problem's closing sentence.
def c44():
    name = "c44_cdc_multilevel_closing_jycdc.txt"
    write(name, """中共金阳县疾病预防控制中心支部委员会关于县委巡察整改进展情况的通报

　　根据县委统一部署，2025年5月12日至7月4日，县委第二巡察组对县疾病预防控制中心党支部开展了常规巡察，2025年8月20日反馈了巡察意见。中心党支部照单全收、逐条整改，现将整改进展情况通报如下。

　　巡察反馈的3个方面7个问题，截至2026年1月31日，已完成整改4个，正在整改2个，需长期坚持1个。

一、贯彻落实党的路线方针政策方面
（一）学习贯彻习近平新时代中国特色社会主义思想不够深入
1.理论学习中心组学习不规范，研讨交流不充分。
(1)制定年度理论学习计划，明确每月学习主题。
(2)每季度开展一次专题研讨，班子成员轮流领学并撰写心得。
　　目前，该问题已整改完成。
2.落实疾控工作决策部署有差距，免疫规划疫苗接种率未达目标。
（1）开展入托入学预防接种证查验，补种疫苗1326剂次。
（2）加强接种单位督导：①每月通报各乡镇接种率；②对接种率排名后三位的卫生院约谈分管院长。
　　目前，全县适龄儿童免疫规划疫苗接种率达到95.2%，该问题已整改到位。
（二）防范化解公共卫生风险不到位
3.传染病监测预警能力不足，部分医疗机构报告不及时。
(1)建设传染病智慧化多点触发监测预警平台，已完成招标。
(2)组织医疗机构开展传染病报告培训2期。
　　目前，平台建设正在推进，预计2026年6月30日前投入使用。
4.实验室生物安全管理存在隐患。
(1)修订《实验室生物安全管理手册》。
(2)更换生物安全柜2台，完成高压灭菌器检定。
　　目前，该问题已整改完成。

二、全面从严治党方面
（一）落实“两个责任”不到位
5.廉政风险防控不到位，重点岗位轮岗交流不及时。
(1)梳理廉政风险点32个，制定防控措施。
(2)对在岗满5年的财务、采购人员进行轮岗。
　　目前，廉政风险点已全部制定防控措施，轮岗交流正在推进，计划于2026年3月底前完成。
6.财务报销审核把关不严。
(1)修订《财务报销管理办法》。
(2)对2024年以来报销凭证逐笔复核，追回不合规报销费用0.86万元。
　　目前，该问题已整改完成。

三、基层党组织建设方面
（一）人才队伍建设滞后
7.专业技术人才短缺，高层次人才引进困难。
(1)制定《人才引进和培养办法》，2025年公开招聘专业技术人员4名。
(2)与省疾控中心建立人才帮扶机制，选派3名骨干进修学习。
　　人才队伍建设需长期坚持，中心将持续推进。

　　欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0834-8712345。

中共金阳县疾病预防控制中心支部委员会
2026年2月10日
""")
    gold(name, [
        ("理论学习中心组学习不规范", False, None),
        ("落实疾控工作决策部署有差距", False, None),
        ("传染病监测预警能力不足", True, "2026-06-30"),
        ("实验室生物安全管理存在隐患", False, None),
        ("廉政风险防控不到位", True, "2026-03-31"),
        ("财务报销审核把关不严", False, None),
        ("专业技术人才短缺", True, None),
    ], "2026-02-10", {"problems": 7, "done": 4})


# 45. A hospital's report saved from its web site: the title in a <div>, not a heading; the
#     problems in <p><strong>; each problem's fields in one <p> separated by <br>; words split
#     by <span>s, &nbsp; and full-width spaces; one date broken by a <br> in the middle.
def c45():
    name = "c45_html_p_br_spans_lyxrmyy.html"
    write(name, """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>临沅县人民医院-院务公开</title>
<style>.nav li{display:inline}</style><script>var pv=1;</script></head>
<body>
<div class="top"><ul class="nav"><li>网站首页</li><li>医院概况</li><li>院务公开</li><li>党建园地</li></ul></div>
<div class="pos">当前位置：首页 &gt; 院务公开 &gt; 公示公告</div>
<div class="article">
<div class="title">临沅县人民医院关于医保基金飞行检查反馈问题整改情况的报告</div>
<div class="info">发布时间：2026-01-20　作者：医保办　阅读：<span id="hits">326</span></div>
<div class="content">
<p>县医疗保障局：</p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;2025年10月27日至31日，省医疗保障局飞行检查组对我院2023年1月至2025年6月医保基金使用情况进行了飞行检查，11月28日反馈了检查发现的问题5个。医院成立整改工作专班，逐项制定整改措施。截至2026年1月15日，已完成整改3个，正在整改2个。现将整改情况报告如下：</p>
<p><strong>一、超标准收费问题</strong></p>
<p>　　整改措施：对照医疗服务价格项目规范逐项清理收费项目，退回违规费用。<br/>　　责任科室：医保办、财务科<br>　　整<span style="font-family:仿宋">改时</span>限：2025年12月31日<br>　　整改进展：已完成。已退回违规费用18.42万元，并在HIS系统设置收费规则拦截。</p>
<p><strong>二、串换项目收费问题</strong></p>
<p>　　整改措施：组织临床、医技科室开展<span>医保政策</span>培训，规范项目编码对照。<br>　　责任科室：医保办、信息科<br>　　整改时限：2025年12月31日<br>　　整改进展：<span style="color:#333">已完成</span>。已完成全部收费项目编码重新对照，退回违规费用6.35万元。</p>
<p><strong>三、重复收费问题</strong></p>
<p>　　整改措施：梳理检验、护理项目收费，清退重复收取费用。<br>　　责任科室：医保办、护理部<br>　　整改时限：2026年3月31日<br>　　整改进展：正在整改。已退回医保基金12.6万元，剩余费用正在与医保部门核对，预计2026年3<br>月底前全部退回。</p>
<p><strong>四、过度检查问题</strong></p>
<p>　　整改措施：制定大型检查适应证审核规则，每月开展专项点评。<br>　　责任科室：医务科、医保办<br>　　整改时限：长期坚持<br>　　整改进展：已完成阶段性整改，大型检查阳性率提升至71%，需长期坚持。</p>
<p><strong>五、病案首页填写不规范问题</strong></p>
<p>　　整改措施：开展病案首页填写专项培训，实行编码员逐份审核。<br>　　责任科室：病案室<br>　　整改时限：2025年12月15日<br>　　整改进展：已整改到位。</p>
<p>&nbsp;</p>
<p style="text-align:right">临沅县人民医院</p>
<p style="text-align:right">2026年1月20日</p>
</div></div>
<div class="foot">版权所有：临沅县人民医院　技术支持：某某网络</div>
</body></html>
""")
    gold(name, [
        ("超标准收费问题", False, None),
        ("串换项目收费问题", False, None),
        ("重复收费问题", True, "2026-03-31"),
        ("过度检查问题", True, None),
        ("病案首页填写不规范问题", False, None),
    ], "2026-01-20", {"problems": 5, "done": 3})


NUMBERING = """<w:abstractNum {ns} w:abstractNumId="40">
 <w:multiLevelType w:val="multilevel"/>
 <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl>
 <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
 <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
 <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%4）"/><w:lvlJc w:val="left"/></w:lvl>
 <w:lvl w:ilvl="4"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircleChinese"/><w:lvlText w:val="%5"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>"""


# 46. A Word report numbered by Word: numPr on each heading, one multi-level list whose
#     third level ("1.") runs on across the （一） sections (lvlRestart 0), measures at the
#     fourth level (（1）) and points at the fifth (①); statuses in unnumbered paragraphs.
def c46():
    name = "c46_docx_numpr_runon_hsfy.docx"
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(NUMBERING.format(ns=nsdecls("w"))))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="40"><w:abstractNumId w:val="40"/></w:num>'))

    def p(text, level=None):
        para = d.add_paragraph(text)
        if level is not None:
            para._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="40"/></w:numPr>'))
        return para

    t = d.add_paragraph("湖山县妇幼保健院关于县委巡察反馈问题整改进展情况的通报")
    t.alignment = 1
    p("　　根据县委统一部署，2025年9月1日至10月31日，县委第四巡察组对县妇幼保健院开展了巡察，12月3日反馈了巡察意见，指出问题6个。院党支部坚持问题导向，逐项整改。截至2026年4月10日，已完成整改4个，正在整改2个。现将整改进展情况通报如下。")
    p("巡察反馈问题整改进展情况", 0)
    p("党的建设方面", 1)
    p("支部“三会一课”记录不规范，部分会议无签到。", 2)
    p("修订《“三会一课”制度》，统一记录本格式。", 3)
    p("支部书记每月检查会议记录。", 3)
    p("整改情况：已完成整改。")
    p("发展党员程序不严格，个别材料补签日期。", 2)
    p("对2020年以来发展党员档案逐份核查。", 3)
    p("组织党务干部参加发展党员业务培训。", 3)
    p("整改情况：已完成整改。")
    p("业务管理方面", 1)
    p("孕产妇高危因素筛查登记不全。", 2)
    p("修订高危孕产妇管理流程，建立专案管理台账。", 3)
    p("开展业务督导：", 3)
    p("每月抽查乡镇卫生院高危登记；", 4)
    p("对漏登漏报的单位通报批评。", 4)
    p("整改情况：已完成整改。")
    p("儿童保健信息系统数据不准确。", 2)
    p("与信息公司对接修复系统接口，清理重复档案。", 3)
    p("整改情况：正在整改，重复档案已清理85%，预计2026年6月底前完成系统升级。")
    p("财务管理方面", 1)
    p("固定资产账实不符，部分设备未入账。", 2)
    p("开展固定资产全面清查，补登设备47台。", 3)
    p("整改情况：已完成整改。")
    p("政府采购内控制度不健全。", 2)
    p("修订《政府采购内部控制制度》，已报院务会审议。", 3)
    p("整改情况：正在整改，计划2026年5月31日前印发执行。")
    p("　　欢迎广大干部群众对整改落实情况进行监督。联系电话：0731-5678123。")
    p("湖山县妇幼保健院党支部")
    p("2026年4月15日")
    d.save(os.path.join(OUT, name))
    gold(name, [
        ("支部“三会一课”记录不规范", False, None),
        ("发展党员程序不严格", False, None),
        ("孕产妇高危因素筛查登记不全", False, None),
        ("儿童保健信息系统数据不准确", True, "2026-06-30"),
        ("固定资产账实不符", False, None),
        ("政府采购内控制度不健全", True, "2026-05-31"),
    ], "2026-04-15", {"problems": 6, "done": 4})


# 47. A CDC's report whose sections say the status: "（一）集中整改期内已完成（含基本完成）的
#     整改事项" over problems with measures and no status words (one says 正在使用 of routine
#     work), "（二）需长期坚持整改的事项" over the others; measures counted beside problems.
def c47():
    name = "c47_section_status_groups_qycdc.txt"
    write(name, """中共青阳市疾病预防控制中心委员会关于市委巡察整改进展情况的通报

　　根据市委统一部署，2025年3月3日至5月9日，市委第四巡察组对中心党委进行了巡察。6月16日，市委巡察组向中心党委反馈了巡察意见。根据党务公开原则和巡察工作有关要求，现将整改进展情况予以公布。

一、整改工作组织领导情况
　　中心党委切实履行巡察整改主体责任，成立巡察整改领导小组，研究制定整改方案。巡察反馈的8个问题中共6个问题已完成（含基本完成）整改，仍需长期整改2个；制定的整改措施共计31条、已完成（含基本完成）整改措施27条，修改完善制度12项。

二、整改进展情况及成效
（一）集中整改期内已完成（含基本完成）的整改事项
1.关于“流行病学调查信息化水平不高”问题的整改。
（1）推广使用流调信息系统，急性传染病个案流调数据统一录入分析，2025年7月以来处置疫情6起，全部使用无纸化流调。
（2）中心正在使用“易督导”小程序对肺结核患者开展随访管理，随访及时率提升至98%。
2.关于“预防接种单位督导检查不到位”问题的整改。
（1）制定《预防接种单位督导检查方案》，每季度对全市接种单位全覆盖督导。
（2）对督导发现的32个问题建立清单，逐一反馈整改。
3.关于“实验室仪器设备管理不规范”问题的整改。
（1）完成全部仪器设备检定校准，建立设备档案156份。
（2）修订《仪器设备管理制度》，明确专人管理。
4.关于“党支部组织生活不规范”问题的整改。
（1）规范“三会一课”记录，统一使用党建工作记录本。
（2）2025年7月召开专题组织生活会，开展批评和自我批评。
5.关于“财务内控制度执行不严”问题的整改。
（1）修订《财务报销管理办法》等制度5项。
（2）对2024年以来报销凭证开展自查，整改不规范凭证14笔。
6.关于“政府采购程序不规范”问题的整改。
（1）修订《政府采购内部控制管理办法》，明确采购需求论证程序。
（2）组织采购人员参加政府采购业务培训2次。
（二）需长期坚持整改的事项
7.关于“疾控机构改革推进缓慢”问题的整改。
（1）配合市委编办完成中心机构编制方案调整。
（2）下一步，中心将持续推进卫生监督与疾控业务融合，逐步完善运行机制。
8.关于“中心新址建设滞后”问题的整改。
（1）新址主体工程已于2025年8月封顶，室内装修正在进行。
（2）计划2026年6月底前完成新址搬迁。

三、下一步工作打算
　　中心党委将坚持整改目标不变、力度不减，对已完成的整改事项适时开展“回头看”，对需长期坚持的事项持续推进，确保整改取得实效。

　　欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0566-5012345；电子邮箱：qycdc@163.com。

中共青阳市疾病预防控制中心委员会
2025年9月30日
""")
    gold(name, [
        ("流行病学调查信息化水平不高", False, None),
        ("预防接种单位督导检查不到位", False, None),
        ("实验室仪器设备管理不规范", False, None),
        ("党支部组织生活不规范", False, None),
        ("财务内控制度执行不严", False, None),
        ("政府采购程序不规范", False, None),
        ("疾控机构改革推进缓慢", True, None),
        ("中心新址建设滞后", True, "2026-06-30"),
    ], "2025-09-30", {"problems": 8, "done": 6})


# 48. A report on a 巡察整改“回头看”: each problem with 整改情况 and a 销号情况 line that is its
#     status (已销号（date）, 未销号，计划…前完成…后销号).
def c48():
    name = "c48_huitoukan_xiaohao_nxwjj.txt"
    write(name, """宁溪县卫生健康局关于巡察整改“回头看”发现问题整改情况的报告

县委巡察办：
　　2025年11月3日至21日，县委第一巡察组对我局开展了巡察整改“回头看”，指出整改不到位、问题反弹等问题6个。我局对照问题清单逐项整改，截至2026年2月28日，已整改销号4个，正在整改2个。现将有关情况报告如下。

1.原巡察反馈“党组会议研究卫生健康重大事项不够”问题整改后出现反弹，2025年下半年党组会议研究业务工作仅2次。
整改情况：修订《党组工作规则》，明确每季度至少研究卫生健康重点工作1次；2025年12月以来党组会议研究业务工作5次。
销号情况：已销号（2026年1月20日）。
2.村卫生室基本药物补助资金拨付不及时问题整改不到位。
整改情况：已拨付2025年度补助资金86.4万元，建立按季度拨付机制。
销号情况：已销号。
3.“三重一大”决策会议记录不完整问题整改不彻底。
整改情况：统一会议记录格式，对2025年会议记录逐一核对补正。
销号情况：已销号。
4.公立医院医疗设备采购论证不充分问题整改不到位，2台大型设备使用率偏低。
整改情况：组织专家对闲置设备开展使用效益评估，已协调调剂1台至县中医医院，另1台正在办理调拨手续。
销号情况：未销号，计划2026年4月底前完成调拨后销号。
5.基层医疗卫生机构绩效工资分配“大锅饭”问题依然存在。
整改情况：指导各卫生院修订绩效分配方案，已有9家完成修订，其余3家正在修订。
销号情况：未销号，预计2026年3月31日前完成。
6.干部职工因私出国（境）证照管理不规范问题出现反弹。
整改情况：集中收缴证照23本，建立证照管理台账，实行专人保管。
销号情况：已销号。

　　下一步，我局将持续跟踪未销号问题，确保按期整改到位。

宁溪县卫生健康局
2026年3月5日
""")
    gold(name, [
        ("党组会议研究卫生健康重大事项不够", False, None),
        ("村卫生室基本药物补助资金拨付不及时", False, None),
        ("决策会议记录不完整问题整改不彻底", False, None),
        ("公立医院医疗设备采购论证不充分", True, "2026-04-30"),
        ("基层医疗卫生机构绩效工资分配", True, "2026-03-31"),
        ("因私出国（境）证照管理不规范", False, None),
    ], "2026-03-05", {"problems": 6, "done": 4})


# 49. A township health centre's report in GB18030 with CRLF, its table copied out of Excel:
#     tab-separated, a cell with a line break (Alt+Enter) quoted over two lines; deadlines 立行立改,
#     2025年底前, 2026.3.31, 每季度, 长期坚持.
def c49():
    name = "c49_gbk_excel_quoted_cells_xzwsy.txt"
    write(name, """小洲镇卫生院关于巡察反馈问题整改进展情况的通报
（2025年12月28日）

　　2025年6月，县卫健局党组第二巡察组对我院开展了巡察，7月22日反馈了巡察意见。院支部对照问题逐项制定整改措施，共反馈问题7个，截至目前已完成整改3个，正在整改4个。整改进展情况如下：

序号\t存在问题\t整改措施\t责任科室\t整改时限\t完成情况
1\t"基本公共卫生服务档案
真实性不高"\t开展档案全面核查，注销死亡、迁出档案412份\t公卫科\t立行立改\t已完成
2\t中药饮片管理不规范\t"1.建立中药饮片验收制度
2.规范中药房温湿度记录"\t药房\t2025年底前\t整改中
3\t医疗废物暂存间不符合要求\t改造医疗废物暂存间\t总务科\t2026.3.31\t"正在施工
预计2026年3月底前完工"
4\t家庭医生签约服务履约率低\t每季度开展履约情况考核\t公卫科\t每季度\t持续推进
5\t财务票据管理不规范\t清理票据，建立票据领用登记簿\t财务室\t2025.10.31\t已完成
6\t院内感染防控培训不足\t每月开展院感知识培训\t院感科\t长期坚持\t已完成阶段性任务
7\t药品采购未全部在省平台进行\t全部药品通过省平台采购\t药房\t2025年9月30日\t已完成

　　欢迎广大群众监督。联系电话：0731-8812345。

小洲镇卫生院
2025年12月28日
""", encoding="gb18030", newline="\r\n")
    gold(name, [
        ("基本公共卫生服务档案", False, None),
        ("中药饮片管理不规范", True, "2025-12-31"),
        ("医疗废物暂存间不符合要求", True, "2026-03-31"),
        ("家庭医生签约服务履约率低", True, None),
        ("财务票据管理不规范", False, None),
        ("院内感染防控培训不足", True, None),
        ("药品采购未全部在省平台进行", False, None),
    ], "2025-12-28", {"problems": 7, "done": 3})


# 50. A hospital's WeChat post copied as text: the account's line under the title, "01 党的建设
#     方面" section numbers, ◆问题： items and ▶ fields, the post's footer (END, 编辑, 阅读原文).
def c50():
    name = "c50_wechat_bullets_nxzyy.txt"
    write(name, """整改进行时｜县中医医院巡察整改进展情况通报
原创 宁乡县中医医院 2026年05月18日 17:30 湖南

　　根据县委统一部署，2025年10月至12月，县委第三巡察组对县中医医院开展了巡察，2026年1月9日反馈了巡察意见。医院党委照单全收、逐项整改，截至5月15日，县委巡察反馈的6个问题已完成整改4个，2个正在整改中。现将整改进展情况通报如下：

01 党的建设方面

◆问题：党委理论学习中心组学习计划执行不到位。
▶整改措施：制定年度学习计划，实行学习考勤和通报。
▶责任部门：党委办公室
▶完成时限：2026年3月
▶整改进展：已完成

◆问题：意识形态阵地管理不严，科室宣传栏内容更新不及时。
▶整改措施：建立宣传阵地审核登记制度，每月检查宣传栏。
▶责任部门：宣传科
▶完成时限：立行立改
▶整改进展：已整改到位

02 医疗服务方面

◆问题：中医特色专科建设滞后。
▶整改措施：制定特色专科建设三年规划，引进针灸推拿学科带头人1名。
▶责任部门：医务科
▶完成时限：2026年12月底
▶整改进展：正在推进，已申报省级中医重点专科1个

◆问题：门诊预约诊疗率偏低。
▶整改措施：开通微信公众号、自助机多渠道预约。
▶责任部门：门诊部
▶完成时限：2026年6月30日
▶整改进展：已完成，预约诊疗率提升至62%

03 行风建设方面

◆问题：部分医务人员收受患者“红包”问题时有发生。
▶整改措施：签订拒收“红包”承诺书，设立举报电话，开展满意度回访。
▶责任部门：纪检监察室
▶完成时限：长期坚持
▶整改进展：持续整改中

◆问题：医药代表接待管理不规范。
▶整改措施：实行医药代表定时定点接待和备案登记。
▶责任部门：药剂科
▶完成时限：2026年4月30日
▶整改进展：已完成

— END —
来源：党委办公室
编辑：李娜　审核：王强
点击“阅读原文”了解更多
""")
    gold(name, [
        ("党委理论学习中心组学习计划执行不到位", False, None),
        ("意识形态阵地管理不严", False, None),
        ("中医特色专科建设滞后", True, "2026-12-31"),
        ("门诊预约诊疗率偏低", False, None),
        ("收受患者“红包”问题时有发生", True, None),
        ("医药代表接待管理不规范", False, None),
    ], "2026-05-18", {"problems": 6, "done": 4})


MAKERS = (c43, c44, c45, c46, c47, c48, c49, c50)
chosen = set(sys.argv[2:])
for make in MAKERS:
    if not chosen or make.__name__ in chosen:
        make()
print("wrote", OUT)
