#!/usr/bin/env python3
"""Writes the reports of the seventh blind round (c59–c61), each with its gold file, written
before the importer ever read the file:

- c59: a Word report whose problems are each a small two-column form (问题整改销号表: 问题名称 |
  …, 整改措施 | …, 责任领导 | … | 责任科室 | …, 完成时限 | … | 完成情况 | …), one table per
  problem, a short heading paragraph above each;
- c60: an OA notice whose items are labelled 整改事项一： … with 牵头领导：张三（副局长）,
  完成时限：2025年底 / 2025年第三季度 / 每月, and 当前进展：已销号 / 部分完成 / 未完成 / 持续整改;
- c61: a portal page whose problems are `<ol><li>` items (numbered by the browser, no number
  typed), each `<li>` holding <strong>问题：</strong> … <br><strong>整改情况：</strong> …, under
  <h3> sections.

Usage: make_round7_reports.py OUT_DIR [c59 c60 c61]
"""
import os
import sys

import docx
import functools

import fixtures

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
ONLY = set(sys.argv[2:])
gold = functools.partial(fixtures.gold, OUT)


# 59. A hospital's report: one two-column form per problem.
def c59():
    name = "c59_docx_form_table_per_problem_yszyy.docx"
    d = docx.Document()
    d.add_paragraph("永胜县中医医院关于县委巡察反馈问题整改进展情况的报告")
    d.add_paragraph("县委巡察办：")
    d.add_paragraph("2025年4月至5月，县委第三巡察组对我院开展了常规巡察，并于2025年6月12日反馈了巡察意见。"
                    "反馈问题共5个，截至目前已完成整改2个，正在整改3个。现将逐项整改情况报告如下：")
    problems = [
        ("问题一", "医院党委会议研究“三重一大”事项程序不规范，个别事项先实施后上会",
         "1.修订党委会议议事规则；2.建立议题预审制度；3.对近两年“三重一大”事项开展回头看。",
         "李国华", "院办", "2025年8月31日", "已完成。议事规则已修订印发，回头看发现的2个问题已整改。"),
        ("问题二", "中医特色优势发挥不充分，中医非药物疗法使用率低",
         "1.开设中医综合治疗区；2.将中医适宜技术使用率纳入科室考核。",
         "赵明", "医务科", "2025年12月31日", "正在推进。综合治疗区已完成装修，设备正在采购。"),
        ("问题三", "药品采购中存在非集采药品使用比例偏高问题",
         "1.开展药品使用专项点评；2.调整药品目录，提高集采药品使用比例。",
         "赵明", "药剂科", "2026年3月31日", "部分完成。已完成两轮专项点评，药品目录调整尚在论证。"),
        ("问题四", "职工食堂承包合同管理不规范",
         "重新签订承包合同，明确食品安全责任。",
         "孙立", "后勤科", "2025年9月30日", "已完成。新合同已于9月签订。"),
        ("问题五", "医德医风建设长效机制不健全",
         "建立医德考评档案，每季度开展一次考评。",
         "李国华", "党办", "长期坚持", "持续整改，已完成第三季度考评。"),
    ]
    for head, prob, meas, lead, dept, deadline, state in problems:
        d.add_paragraph(head)
        t = d.add_table(rows=4, cols=4)
        t.style = "Table Grid"
        a = t.rows[0].cells[1].merge(t.rows[0].cells[3])
        t.rows[0].cells[0].text = "问题名称"
        a.text = prob
        b = t.rows[1].cells[1].merge(t.rows[1].cells[3])
        t.rows[1].cells[0].text = "整改措施"
        b.text = meas
        for c, v in zip(t.rows[2].cells, ["责任领导", lead, "责任科室", dept]):
            c.text = v
        for c, v in zip(t.rows[3].cells, ["完成时限", deadline, "完成情况", state]):
            c.text = v
        d.add_paragraph("")
    d.add_paragraph("下一步，我院将持续跟踪未完成事项，确保按期整改到位。")
    d.add_paragraph("中共永胜县中医医院委员会")
    d.add_paragraph("2025年10月15日")
    d.save(os.path.join(OUT, name))
    gold(name, [
        ("医院党委会议研究“三重一大”事项程序不规范", False, None),
        ("中医特色优势发挥不充分", True, "2025-12-31"),
        ("非集采药品使用比例偏高", True, "2026-03-31"),
        ("职工食堂承包合同管理不规范", False, None),
        ("医德医风建设长效机制不健全", True, None),
    ], "2025-10-15", {"problems": 5, "done": 2})


# 60. An OA notice labelled 整改事项一：….
def c60():
    name = "c60_oa_zhenggai_shixiang_labels_lhwjj.txt"
    text = """临河区卫生健康局
关于巡察反馈问题整改事项推进情况的通报

局属各单位、机关各股室：
区委第二巡察组于2025年5月向我局反馈巡察意见后，局党组制定整改方案，明确整改事项7项。截至2025年11月20日，已销号3项，其余4项正在推进。现将各事项推进情况通报如下。

整改事项一：机关党支部组织生活不够严肃，主题党日活动内容单一
牵头领导：王海（党组书记）　责任股室：机关党支部
完成时限：2025年第三季度
当前进展：已销号。主题党日年度计划已制定，活动内容纳入考核。

整改事项二：卫生健康领域专项资金监管不到位
牵头领导：刘芳（副局长）　责任股室：财务股
完成时限：2025年底
当前进展：部分完成。已对2024年专项资金开展清查，追回违规资金，监管办法正在起草。

整改事项三：村卫生室药品配备不足
牵头领导：陈刚（副局长）　责任股室：基层卫生股
完成时限：2026年第一季度
当前进展：未完成。已摸清缺药村卫生室底数，集中配送方案待局党组研究。

整改事项四：干部日常管理监督失之于宽
牵头领导：王海（党组书记）　责任股室：人事股
完成时限：每月
当前进展：持续整改。每月开展干部考勤和谈心谈话。

整改事项五：医疗机构不良执业行为记分制度执行不严
牵头领导：陈刚（副局长）　责任股室：医政股
完成时限：2025年9月30日
当前进展：已销号。

整改事项六：公立医院债务化解推进缓慢
牵头领导：刘芳（副局长）　责任股室：规划财务股
完成时限：2026年6月
当前进展：未完成，化债方案已报区政府。

整改事项七：政务信息公开不及时
牵头领导：王海（党组书记）　责任股室：办公室
完成时限：2025年8月31日
当前进展：已销号。已明确专人负责，信息发布实行周清。

各单位要对照事项清单加快推进，未销号事项每月25日前报送进展。

临河区卫生健康局
2025年11月20日
"""
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(text)
    gold(name, [
        ("机关党支部组织生活不够严肃", False, None),
        ("卫生健康领域专项资金监管不到位", True, "2025-12-31"),
        ("村卫生室药品配备不足", True, "2026-03-31"),
        ("干部日常管理监督失之于宽", True, None),
        ("医疗机构不良执业行为记分制度执行不严", False, None),
        ("公立医院债务化解推进缓慢", True, "2026-06-30"),
        ("政务信息公开不及时", False, None),
    ], "2025-11-20", {"problems": 7, "done": 3})


# 61. A portal page with <ol><li> problems: the browser numbers them, the text has no numbers.
def c61():
    name = "c61_html_ordered_list_items_bhcdc.html"
    html = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>北湖区疾病预防控制中心关于巡察整改进展情况的通报-北湖区人民政府</title>
<style>.nav li{display:inline} ol.zg li{margin-bottom:8px}</style></head>
<body>
<div class="top"><a href="/">北湖区人民政府</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li><li><a href="/tzgg">通知公告</a></li></ul>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg">通知公告</a></div>
<div class="article">
<h1>北湖区疾病预防控制中心关于巡察整改进展情况的通报</h1>
<div class="info">发布时间：2025-11-25 10:30　来源：区疾控中心　浏览次数：<span id="hits">126</span></div>
<div class="content">
<p>根据区委统一部署，2025年3月至4月，区委第一巡察组对区疾病预防控制中心开展了巡察，并于2025年5月28日反馈了巡察意见。中心党支部高度重视，逐项制定整改措施。现将整改进展情况通报如下：</p>
<h3>一、党的建设方面</h3>
<ol class="zg">
<li><strong>问题：</strong>党支部“三会一课”制度落实不严格，个别月份未按时召开支委会。<br><strong>整改情况：</strong>已建立支部工作月度提醒制度，补充完善会议记录，该问题已整改到位。</li>
<li><strong>问题：</strong>党员教育针对性不强，业务骨干参学率不高。<br><strong>整改情况：</strong>正在推进，已制定分层分类学习计划，预计2025年12月底前完成全员轮训。</li>
</ol>
<h3>二、业务工作方面</h3>
<ol class="zg">
<li><strong>问题：</strong>预防接种门诊规范化建设滞后，部分门诊未达标。<br><strong>整改情况：</strong>已完成3个门诊改造，其余2个门诊计划2026年6月底前完成改造，目前正在施工。</li>
<li><strong>问题：</strong>实验室生物安全管理存在漏洞，菌毒种保管记录不全。<br><strong>整改情况：</strong>已修订菌毒种管理制度，实行双人双锁管理，已整改完成。</li>
<li><strong>问题：</strong>突发公共卫生事件应急演练不足。<br><strong>整改情况：</strong>已制定年度演练计划，第一次演练将于2026年3月底前开展，目前尚未完成。</li>
</ol>
<h3>三、作风建设方面</h3>
<ol class="zg">
<li><strong>问题：</strong>公务接待管理不规范，接待清单填写不完整。<br><strong>整改情况：</strong>已规范接待审批和清单填写，已整改完成。</li>
</ol>
<p>欢迎广大干部群众对巡察整改落实情况进行监督。联系电话：0735-1234567；电子邮箱：bhcdc@example.gov.cn。</p>
<p style="text-align:right">北湖区疾病预防控制中心</p>
<p style="text-align:right">2025年11月25日</p>
</div></div>
<div class="footer">主办单位：北湖区人民政府办公室　备案号：湘ICP备00000000号</div>
</body></html>
"""
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write(html)
    gold(name, [
        ("党支部“三会一课”制度落实不严格", False, None),
        ("党员教育针对性不强", True, "2025-12-31"),
        ("预防接种门诊规范化建设滞后", True, "2026-06-30"),
        ("实验室生物安全管理存在漏洞", False, None),
        ("突发公共卫生事件应急演练不足", True, "2026-03-31"),
        ("公务接待管理不规范", False, None),
    ], "2025-11-25")


for fn in [c59, c60, c61]:
    if not ONLY or fn.__name__ in ONLY:
        fn()
