#!/usr/bin/env python3
"""Writes the reports of the eighth blind round (c62–c69), each with its gold file, written
before the importer ever read the file:

- c62: a county health bureau's long 阶段性进展 通报: 36 problems numbered 1–36 straight through
  4 方面 with three sub-方面 each (one of them "落实全面从严治党主体责任方面"), the status in a
  closing sentence, totals with 子项;
- c63: a 妇幼保健院 report made in Word, printed to PDF by LibreOffice and extracted with
  pdftotext (no -layout): lines broken mid-sentence and mid-date, "—2—" footers, a running
  header on every page, form feeds;
- c64: a 中心血站 Word report with section breaks (a header and footer per section), the 文号
  in a text box above the title, footnote references after a deadline and inside a problem;
- c65: an 急救中心 通报 whose problems are grouped by 责任科室 ("一、办公室（3个问题）"), numbering
  restarting in each group;
- c66: a 乡镇卫生院 report whose deadlines are only "整改期限为3个月" counted from the feedback
  date (2025年6月10日);
- c67: a hospital Word report where the clerk struck the old status or deadline through
  (w:strike, w:dstrike) and typed the new one after it;
- c68: a 情况说明 written as a letter to 县委巡察办, the items only in 附件1 (a tab-separated
  清单 after the signature);
- c69: a 卫生监督 通报 numbered (1)(2)(3) at the top level with 一是/二是 measures inside.

Usage: make_round8_reports.py OUT_DIR [c62 c63 ...]
"""
import json, os, shutil, subprocess, sys, tempfile, zipfile

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
ONLY = set(sys.argv[2:])


def gold(name, items, report_date=None, stated=None):
    doc = {"file": name, "report_date": report_date, "stated": stated or {},
           "items": [{"snippet": s, "open": o, "deadline": d if o else None, "required": True} for s, o, d in items]}
    with open(os.path.join(OUT, os.path.splitext(name)[0] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def write(name, text, encoding="utf-8"):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(text.encode(encoding))


# ---------------------------------------------------------------------------------------------
# 62. A long 通报: 36 problems over 4 方面 and 12 sub-方面, numbered 1–36 straight through.

C62 = [
    ("一、贯彻落实党的理论和路线方针政策及上级决策部署方面", [
        ("（一）理论武装方面", [
            ("党组理论学习中心组学习计划执行不严格，2024年专题研讨仅开展2次。", "制定年度学习计划，每季度至少开展1次专题研讨，2025年以来已开展专题研讨4次。该问题已整改到位。", None),
            ("“第一议题”制度落实不到位，传达学习后研究贯彻措施不具体。", "修订“第一议题”学习制度，明确学习后须研究提出贯彻措施并建立台账。目前已整改完成。", None),
            ("青年干部理论学习覆盖不全，基层卫生院青年职工参学率偏低。", "已组织青年理论学习班两期，基层卫生院青年职工参学率提升至76%。目前正在推进，预计2026年3月底前实现全覆盖。", "2026-03-31"),
            ("学习笔记、心得体会存在抄袭拼凑现象。", "对相关人员进行了批评教育，建立学习资料审核机制。该问题已整改完成。", None),
        ]),
        ("（二）落实医改等重点任务方面", [
            ("紧密型县域医共体建设推进缓慢，牵头医院对成员单位帮扶不够。", "已印发医共体建设实施方案，向成员单位下派骨干医师18名。目前正在推进，计划2026年6月底前完成医共体总院挂牌运行。", "2026-06-30"),
            ("家庭医生签约服务“签而不约”，重点人群履约率偏低。", "开展签约服务履约专项督导，重点人群履约率由61%提升至88%。该问题已整改到位。", None),
            ("公立医院绩效考核结果运用不充分。", "将考核结果与院长年薪、财政补助挂钩，已印发考核结果运用办法。目前已整改完成。", None),
            ("分级诊疗制度落实不到位，县域内就诊率未达到目标。", "建立县乡转诊绿色通道，县域内就诊率提升至86%。此项工作需长期坚持。", "LONG"),
        ]),
        ("（三）意识形态工作方面", [
            ("意识形态工作责任制落实不到位，未按要求开展专题研判。", "每半年召开一次意识形态工作专题会议，建立分析研判台账。该问题已整改到位。", None),
            ("单位网站、公众号信息发布审核把关不严。", "建立信息发布“三审三校”制度，清理过时信息46条。目前已整改完成。", None),
        ]),
    ]),
    ("二、落实全面从严治党战略部署方面", [
        ("（一）落实全面从严治党主体责任方面", [
            ("党组履行全面从严治党主体责任清单内容不具体。", "重新制定党组、书记、班子成员责任清单，逐项明确任务。该问题已整改到位。", None),
            ("班子成员“一岗双责”落实不到位，对分管领域廉政风险排查不深入。", "班子成员对分管股室和单位开展廉政风险排查，梳理风险点32个。目前已整改完成。", None),
            ("对下属单位党风廉政建设检查指导不够。", "每季度对下属单位开展一次党风廉政建设专项检查，已检查12家单位。该问题已整改到位。", None),
        ]),
        ("（二）落实中央八项规定精神方面", [
            ("公务接待管理不规范，部分接待清单要素不全。", "修订公务接待管理办法，严格执行“一函一单一票”。目前已整改完成。", None),
            ("公务用车使用登记不完整，存在车辆使用审批后补现象。", "安装公务用车定位系统，实行用车网上审批。该问题已整改到位。", None),
            ("违规发放津补贴问题清退不彻底，仍有3.2万元未退回。", "已清退4.6万元，剩余3.2万元正在追缴，确保2025年12月底前全部退回。", "2025-12-31"),
        ]),
        ("（三）重点领域廉政风险防控方面", [
            ("医疗设备采购论证不充分，个别设备长期闲置。", "对闲置设备逐台登记，已调剂使用3台。目前正在推进，计划2026年第一季度完成剩余设备调剂。", "2026-03-31"),
            ("药品耗材集中采购执行不严格，存在线下采购情况。", "全面停止线下采购，药品耗材全部通过省级平台采购。该问题已整改到位。", None),
            ("基建项目变更签证管理不规范。", "制定基建项目变更签证管理办法，对2个项目的变更签证重新审核。目前已整改完成。", None),
            ("医保基金使用监管不到位，定点医疗机构违规收费问题时有发生。", "联合医保部门开展专项检查，追回违规资金21.6万元。医保基金监管作为长期任务持续推进。", "LONG"),
        ]),
    ]),
    ("三、落实新时代党的组织路线方面", [
        ("（一）领导班子建设方面", [
            ("民主集中制执行不到位，“三重一大”事项个别未经集体研究。", "修订党组会议议事规则，对2项未经集体研究的事项补充履行程序。该问题已整改到位。", None),
            ("民主生活会批评与自我批评辣味不足。", "2025年度民主生活会前开展谈心谈话38人次，相互批评意见具体。目前已整改完成。", None),
        ]),
        ("（二）干部队伍建设方面", [
            ("干部选拔任用程序不规范，个别干部档案材料不全。", "对干部人事档案开展专项审核，补齐材料67份。该问题已整改到位。", None),
            ("专业技术人才引进培养不足，高层次人才流失较多。", "已出台人才引进培养办法，引进急需紧缺人才4名。目前正在推进，计划2026年底前再引进急需紧缺人才6名。", "2026-12-31"),
            ("干部交流轮岗制度执行不到位。", "对重点岗位任职满5年的6名干部进行了交流轮岗。目前已整改完成。", None),
        ]),
        ("（三）基层党组织建设方面", [
            ("基层党支部“三会一课”记录不规范。", "统一印制党支部工作手册，开展组织生活记录专项检查。该问题已整改到位。", None),
            ("党员发展工作程序不严谨。", "对近三年发展的9名党员档案逐一审核，补正材料5份。目前已整改完成。", None),
            ("党费收缴标准核定不准确。", "重新核定党费缴纳基数，补缴党费1.3万元。该问题已整改到位。", None),
        ]),
    ]),
    ("四、巡察、审计等监督发现问题整改方面", [
        ("（一）以往巡察整改方面", [
            ("上轮巡察反馈的2个问题整改不彻底。", "对上轮巡察反馈问题开展“回头看”，2个问题已全部整改到位。", None),
            ("整改长效机制建设不健全。", "建立巡察整改问题销号管理制度和定期“回头看”机制。目前已整改完成。", None),
        ]),
        ("（二）审计整改方面", [
            ("审计指出的专项资金结余未及时清理问题整改不到位。", "已清理专项资金结余86.4万元并按规定上缴。该问题已整改到位。", None),
            ("固定资产账实不符问题未整改到位。", "成立清查小组，正在开展全面清查，预计2026年3月31日前完成账务调整。", "2026-03-31"),
        ]),
        ("（三）其他监督整改方面", [
            ("信访举报反映问题办理不及时。", "建立信访件限时办结制度，2025年以来受理的27件信访件均按期办结。该问题已整改到位。", None),
            ("安全生产检查发现隐患整改闭环不到位。", "建立隐患整改台账，发现的41处隐患全部整改销号。目前已整改完成。", None),
            ("卫生监督执法案卷制作不规范。", "开展案卷评查，对存在问题的12卷案卷逐一整改。该问题已整改到位。", None),
            ("群众反映强烈的看病难问题回应不及时。", "开通12345热线医疗服务专席，正在推进县级医院预约诊疗全覆盖，预计2026年6月底前完成。", "2026-06-30"),
        ]),
    ]),
]


def c62():
    name = "c62_long_tongbao_sub_aspects_pjwjj.txt"
    lines = ["中共平江县卫生健康局党组", "关于县委第三巡察组反馈意见整改阶段性进展情况的通报", "",
             "根据县委统一部署，2025年4月15日至6月20日，县委第三巡察组对县卫生健康局党组开展了常规巡察。"
             "2025年7月10日，县委第三巡察组向县卫生健康局党组反馈了巡察意见。按照巡察整改工作有关要求，现将整改阶段性进展情况予以通报。", "",
             "县委第三巡察组共反馈4个方面12个子项36个具体问题。截至2025年11月30日，已完成整改27个，正在整改7个，需长期坚持整改2个。", ""]
    items = []
    n = 0
    for aspect, subs in C62:
        lines.append(aspect)
        for sub, probs in subs:
            lines.append(sub)
            for title, body, due in probs:
                n += 1
                lines.append(f"{n}.{title}")
                lines.append(f"整改情况：{body}")
                snippet = title.split("，")[0].rstrip("。")
                if due is None:
                    items.append((snippet, False, None))
                elif due == "LONG":
                    items.append((snippet, True, None))
                else:
                    items.append((snippet, True, due))
        lines.append("")
    lines += ["五、下一步工作打算",
              "一是坚持问题导向，对7个正在整改的问题挂图作战，确保2026年底前全部完成。二是健全长效机制，巩固已完成问题的整改成果，防止问题反弹。",
              "三是强化监督问责，对整改不力、敷衍整改的严肃追责问责。", "",
              "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：0730-5221346；电子邮箱：pjxwjjzgb@163.com。", "",
              "中共平江县卫生健康局党组", "2025年12月5日", ""]
    assert n == 36
    write(name, "\n".join(lines))
    gold(name, items, "2025-12-05")


# ---------------------------------------------------------------------------------------------
# 63. Word → PDF (LibreOffice) → pdftotext: broken lines, running header, "—2—" footers.

def c63():
    import docx
    from docx.shared import Pt
    from docx.oxml.ns import qn
    from docx.oxml import OxmlElement
    name = "c63_pdftotext_running_header_fybjy.txt"
    d = docx.Document()
    style = d.styles["Normal"]
    style.font.size = Pt(16)
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    sec = d.sections[0]
    sec.header.paragraphs[0].text = "湘阴县妇幼保健院巡察整改进展情况报告"
    fp = sec.footer.paragraphs[0]
    fp.add_run("—")
    r = fp.add_run()
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("t", "1"), ("end", None)):
        if kind == "instr":
            e = OxmlElement("w:instrText"); e.set(qn("xml:space"), "preserve"); e.text = text
        elif kind == "t":
            e = OxmlElement("w:t"); e.text = text
        else:
            e = OxmlElement("w:fldChar"); e.set(qn("w:fldCharType"), kind)
        r._r.append(e)
        if kind in ("begin", "instr", "separate", "t"):
            r = fp.add_run()
    fp.add_run("—")
    paras = [
        "湘阴县妇幼保健院关于县委巡察反馈意见整改进展情况的报告",
        "根据县委统一部署，2025年3月10日至4月30日，县委第二巡察组对我院开展了常规巡察，并于2025年6月18日反馈了巡察意见。"
        "我院党支部高度重视，逐条制定整改措施。县委第二巡察组共反馈问题7个，截至目前已完成整改4个，正在整改3个。现将整改进展情况报告如下。",
        "一、党的建设方面",
        "（一）院党支部落实“第一议题”制度不到位，学习后研究贯彻措施不具体。",
        "整改情况：修订《党支部“第一议题”学习制度》，明确每次学习后由分管领导提出贯彻落实措施，形成学习贯彻台账，2025年7月以来开展“第一议题”学习9次，研究贯彻措施21条。目前该问题已整改完成。",
        "（二）党员教育管理不严格，部分党员长期不参加组织生活。",
        "整改情况：对全院43名党员参加组织生活情况进行逐一梳理，对3名长期不参加组织生活的党员进行了谈话提醒，建立党员参加组织生活积分管理台账，按月通报。目前该问题已整改完成。",
        "二、业务管理方面",
        "（三）孕产妇高危筛查登记不规范，专案管理不到位。",
        "整改情况：组织产科、保健部对2024年以来的高危孕产妇专案逐一核查，补登记漏报病例17例，开展高危筛查专题培训3次，覆盖医务人员96人次。全部专案的规范化建档工作目前正在推进，预计2026年3月31日前完成。",
        "（四）儿童保健门诊服务流程繁琐，群众等候时间长。",
        "整改情况：优化儿童保健门诊布局，推行分时段预约和“一站式”体检，平均等候时间由65分钟缩短至25分钟。目前该问题已整改完成。",
        "（五）出生医学证明管理存在漏洞，空白证件领用登记不全。",
        "整改情况：建立出生医学证明空白证件出入库双人登记制度，对2023年以来领用的证件逐份核对，未发现遗失。目前该问题已整改完成。",
        "三、财务和廉洁风险防控方面",
        "（六）医疗服务收费不规范，存在超标准收费情况。",
        "整改情况：对2024年以来的收费项目开展自查，向患者退还多收费用1.86万元，对收费人员进行了批评教育。收费系统规则库升级目前正在推进，计划2026年1月底前完成。",
        "（七）大型设备购置论证不充分，部分设备使用率低。",
        "整改情况：制定《大型医用设备购置论证管理办法》，对使用率低的2台设备制定提升方案，与县人民医院建立设备共享机制。目前正在整改，预计2026年6月底前完成。",
        "下一步，我院将继续抓好未完成事项的整改落实，确保按期全部完成。",
        "欢迎广大干部群众对我院巡察整改落实情况进行监督。联系电话：0730-2212087。",
        "中共湘阴县妇幼保健院支部委员会",
        "2025年11月20日",
    ]
    for p in paras:
        d.add_paragraph(p)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "report.docx")
        d.save(src)
        subprocess.run(["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["pdftotext", "-enc", "UTF-8", os.path.join(tmp, "report.pdf"), os.path.join(OUT, name)], check=True)
    gold(name, [
        ("院党支部落实“第一议题”制度不到位", False, None),
        ("党员教育管理不严格", False, None),
        ("孕产妇高危筛查登记不规范", True, "2026-03-31"),
        ("儿童保健门诊服务流程繁琐", False, None),
        ("出生医学证明管理存在漏洞", False, None),
        ("医疗服务收费不规范", True, "2026-01-31"),
        ("大型设备购置论证不充分", True, "2026-06-30"),
    ], "2025-11-20")


# ---------------------------------------------------------------------------------------------
# Word XML by hand (as in make_office_reports.py).

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:o="urn:schemas-microsoft-com:office:office" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:w10="urn:schemas-microsoft-com:office:word" ' + W + ' '
      'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" mc:Ignorable="w14"')


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def run(text, rpr=""):
    return f'<w:r>{"<w:rPr>" + rpr + "</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def struck(text):
    return run(text, '<w:strike/>')


def dstruck(text):
    return run(text, '<w:dstrike/>')


def para(*runs, ppr=""):
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def footnote_ref(n):
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def textbox(paragraphs):
    inner = "".join(para(p) for p in paragraphs)
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            '<wp:extent cx="5486400" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
            '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="5486400" cy="457200"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
            'style="position:absolute;margin-left:0;margin-top:0;width:432pt;height:36pt;z-index:251659264">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')


def hdr(text):
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{run(text)}</w:p></w:hdr>'


def ftr_page():
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
            f'{run("— ")}<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple>{run(" —")}</w:p></w:ftr>')


def sect(h, f, landscape=False, final=False):
    size = '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else '<w:pgSz w:w="11906" w:h="16838"/>'
    x = (f'<w:sectPr><w:headerReference w:type="default" r:id="{h}"/><w:footerReference w:type="default" r:id="{f}"/>'
         '<w:type w:val="nextPage"/>' + size +
         '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1304" w:gutter="0"/></w:sectPr>')
    return x if final else f'<w:p><w:pPr>{x}</w:pPr></w:p>'


def word_package(path, body_xml, extra_parts=None, rels=(), types=()):
    from docx import Document
    Document().save(path)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<w:document {NS}><w:body>{body_xml}</w:body></w:document>').encode("utf-8")
    for name, data in (extra_parts or {}).items():
        parts[name] = data.encode("utf-8")
    rels_xml = parts["word/_rels/document.xml.rels"].decode("utf-8")
    base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    for rid, kind, target in rels:
        rels_xml = rels_xml.replace("</Relationships>", f'<Relationship Id="{rid}" Type="{base}{kind}" Target="{target}"/></Relationships>')
    parts["word/_rels/document.xml.rels"] = rels_xml.encode("utf-8")
    ct = parts["[Content_Types].xml"].decode("utf-8")
    for part, kind in types:
        ct = ct.replace("</Types>", f'<Override PartName="/{part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.{kind}+xml"/></Types>')
    parts["[Content_Types].xml"] = ct.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


# ---------------------------------------------------------------------------------------------
# 64. A blood centre's Word report: 文号 in a text box, three sections with their own headers and
#     footers, footnotes after a deadline and inside a problem.

FOOTNOTES64 = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>{run(" 室内质控失控指质控结果违背Westgard规则，须在当日分析原因并记录纠正措施。")}</w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>{run(" 按省卫生健康委要求，2027年6月底前全省实现血液冷链运输全程追溯，我站将一并落实。")}</w:p></w:footnote>
</w:footnotes>'''


def c64():
    name = "c64_docx_sections_textbox_footnotes_ycxz.docx"
    body = [
        para(textbox(["宜春市中心血站文件", "宜血站〔2025〕37号"])),
        para(""),
        para("关于市委第二巡察组反馈意见整改进展情况的报告", ppr='<w:jc w:val="center"/>'),
        para("市委巡察办："),
        para("2025年4月7日至5月30日，市委第二巡察组对我站开展了常规巡察，并于2025年7月2日反馈了巡察意见，指出问题5个。"
             "截至目前，已完成整改2个，正在整改3个（其中1个需长期坚持）。现将整改进展情况报告如下："),
        sect("rIdH1", "rIdF1"),
        para("一、问题整改进展情况"),
        para("问题一：献血者健康征询和体检记录填写不完整。"),
        para("整改措施：修订献血者健康检查操作规程，启用电子征询系统，对采血人员开展培训。"),
        para("责任科室：体采科"),
        para("整改时限：2025年9月30日"),
        para("完成情况：已完成。电子征询系统已于8月上线运行。"),
        para("问题二：血液检测实验室室内质控失控", footnote_ref(1), "处理记录不规范。"),
        para("整改措施：修订室内质控管理程序，每日质控结果由科室负责人复核签字。"),
        para("责任科室：检验科"),
        para("整改时限：2025年12月31日"),
        para("完成情况：正在推进。新程序已试运行两个月，正在组织内审。"),
        para("问题三：冷链运输温度监控设备老化，部分运输箱无实时监测。"),
        para("整改措施：更新血液运输箱温度监控设备，接入冷链监控平台。"),
        para("责任科室：供血科"),
        para("整改时限：2026年3月31日", footnote_ref(2)),
        para("完成情况：已采购温控设备20套，正在安装调试。"),
        sect("rIdH2", "rIdF1", landscape=True),
        para("问题四：无偿献血宣传招募力度不够，固定献血者比例偏低。"),
        para("整改措施：建立献血者招募保留工作机制，与高校、企业共建献血基地。"),
        para("责任科室：献血服务科"),
        para("整改时限：长期坚持"),
        para("完成情况：持续推进，已共建献血基地6个，固定献血者比例提升至31%。"),
        para("问题五：财务报销审核不严格，存在票据要素不全问题。"),
        para("整改措施：修订财务报销审核细则，对2024年以来的报销凭证开展自查。"),
        para("责任科室：财务科"),
        para("整改时限：2025年10月31日"),
        para("完成情况：已完成。补正票据要素不全凭证14份。"),
        para("二、下一步工作"),
        para("我站将持续跟踪未完成事项，确保2026年上半年全部整改到位。"),
        para("宜春市中心血站"),
        para("2025年11月18日"),
        sect("rIdH3", "rIdF1", final=True),
    ]
    word_package(os.path.join(OUT, name), "".join(body),
                 {"word/footnotes.xml": FOOTNOTES64, "word/header1.xml": hdr("宜春市中心血站"),
                  "word/header2.xml": hdr("巡察整改进展情况报告　2025年11月"), "word/header3.xml": hdr("宜春市中心血站"),
                  "word/footer1.xml": ftr_page()},
                 rels=(("rIdFN", "footnotes", "footnotes.xml"), ("rIdH1", "header", "header1.xml"),
                       ("rIdH2", "header", "header2.xml"), ("rIdH3", "header", "header3.xml"), ("rIdF1", "footer", "footer1.xml")),
                 types=(("word/footnotes.xml", "footnotes"), ("word/header1.xml", "header"), ("word/header2.xml", "header"),
                        ("word/header3.xml", "header"), ("word/footer1.xml", "footer")))
    gold(name, [
        ("献血者健康征询和体检记录填写不完整", False, None),
        ("血液检测实验室室内质控失控", True, "2025-12-31"),
        ("冷链运输温度监控设备老化", True, "2026-03-31"),
        ("无偿献血宣传招募力度不够", True, None),
        ("财务报销审核不严格", False, None),
    ], "2025-11-18")


# ---------------------------------------------------------------------------------------------
# 65. An emergency centre's 通报 grouped by 责任科室.

def c65():
    name = "c65_grouped_by_department_cdjjzx.txt"
    text = """常德市急救中心关于市委巡察反馈问题整改进展情况的通报

根据市委统一部署，2025年5月12日至6月30日，市委第四巡察组对市急救中心开展了常规巡察，并于2025年8月5日反馈了巡察意见。市委第四巡察组共反馈问题10个，截至2025年11月25日，已完成整改6个，正在整改4个。中心党委将整改任务逐项分解到责任科室，现按责任科室将整改进展情况通报如下。

一、办公室（3个问题）
1.中心党委会议记录不规范，议题研究过程记载不完整。
整改进展：已完成。制定党委会议记录规范，对2024年以来的会议记录逐本检查。
完成时限：2025年9月30日
2.公文处理不及时，部分来文超期未办结。
整改进展：正在整改。已清理超期文件12件，剩余5件正在办理，启用公文督办提醒功能。
完成时限：2025年12月31日
3.档案管理不规范，2023年以前文书档案未归档。
整改进展：正在推进。已完成2023年文书档案整理，2021年、2022年档案正在整理。
完成时限：2026年3月底前

二、调度指挥科（3个问题）
1.120呼叫受理时长超标，高峰时段接警排队现象突出。
整改进展：正在推进。已增设调度席位2个，高峰时段平均受理时长由96秒缩短至71秒。
完成时限：2026年6月30日
2.调度员培训考核不严格，部分人员未持证上岗。
整改进展：已完成。4名未持证调度员已全部取得资格证书。
完成时限：2025年10月31日
3.急救网络站点布局不合理，偏远乡镇平均反应时间较长。
整改进展：持续推进。已新设急救站点2个，偏远乡镇平均反应时间缩短6分钟。
完成时限：长期坚持

三、财务科（2个问题）
1.急救收费票据管理不规范。
整改进展：已完成。启用电子票据，纸质票据全部清理核销。
完成时限：2025年9月30日
2.政府采购程序执行不严格，部分耗材未按规定比价。
整改进展：已完成。修订采购管理办法，耗材采购全部实行三家以上比价。
完成时限：2025年10月31日

四、车辆管理科（2个问题）
1.急救车辆维修保养费用审核不严。
整改进展：已完成。实行定点维修和维修费用三级审核。
完成时限：2025年9月30日
2.车辆调度与使用登记不完整。
整改进展：已完成。急救车辆全部安装车载定位终端，出车记录自动生成。
完成时限：2025年10月31日

欢迎广大干部群众对整改落实情况进行监督。联系电话：0736-7255120。

常德市急救中心
2025年11月28日
"""
    write(name, text)
    gold(name, [
        ("中心党委会议记录不规范", False, None),
        ("公文处理不及时", True, "2025-12-31"),
        ("档案管理不规范", True, "2026-03-31"),
        ("120呼叫受理时长超标", True, "2026-06-30"),
        ("调度员培训考核不严格", False, None),
        ("急救网络站点布局不合理", True, None),
        ("急救收费票据管理不规范", False, None),
        ("政府采购程序执行不严格", False, None),
        ("急救车辆维修保养费用审核不严", False, None),
        ("车辆调度与使用登记不完整", False, None),
    ], "2025-11-28")


# ---------------------------------------------------------------------------------------------
# 66. A township health centre: deadlines only as "整改期限为3个月" from the feedback date.

def c66():
    name = "c66_relative_months_deadline_hsxwsy.txt"
    text = """横山镇卫生院关于县委巡察反馈问题整改情况的报告

2025年4月至5月，县委第四巡察组对我院开展了巡察。2025年6月10日，县委第四巡察组向我院反馈了巡察意见，共指出问题7个，并明确了各问题的整改期限，整改期限自反馈之日起计算。现将整改情况报告如下：

一、院支部落实“三会一课”制度不规范，支委会记录不完整。
整改期限为1个月。整改情况：重新制定支部学习计划，规范会议记录，对支部书记进行了提醒谈话。目前该问题已整改完成。

二、基本公共卫生服务健康档案存在重复建档、信息不准确问题。
整改期限为3个月。整改情况：已清理重复档案326份，档案信息逐户核对工作正在进行中，目前核对完成率为82%。

三、药品库房管理不规范，近效期药品未及时处理。
整改期限为3个月。整改情况：建立近效期药品预警登记制度，对近效期药品进行了退换处理。该问题已整改完成。

四、村卫生室一体化管理不到位，乡村医生考核流于形式。
整改期限：6个月。整改情况：修订村卫生室绩效考核办法，考核结果与补助资金挂钩，第一季度考核正在组织。

五、医疗废物暂存间设置不符合规范。
要求6个月内整改到位。整改情况：新医疗废物暂存间已完成选址，目前正在建设。

六、财务内控制度不健全，部分支出未按规定审批。
整改期限为2个月。整改情况：修订财务管理制度和支出审批流程，对2024年以来的支出凭证进行了自查。该问题已整改完成。

七、中医药服务能力薄弱，中医馆服务项目少。
整改期限为1年。整改情况：已选派2名医生到县中医院进修，中医馆改造方案已报县卫健局，正在推进。

横山镇卫生院
2025年11月28日
"""
    write(name, text)
    gold(name, [
        ("院支部落实“三会一课”制度不规范", False, None),
        ("基本公共卫生服务健康档案存在重复建档", True, "2025-09-10"),
        ("药品库房管理不规范", False, None),
        ("村卫生室一体化管理不到位", True, "2025-12-10"),
        ("医疗废物暂存间设置不符合规范", True, "2025-12-10"),
        ("财务内控制度不健全", False, None),
        ("中医药服务能力薄弱", True, "2026-06-10"),
    ], "2025-11-28")


# ---------------------------------------------------------------------------------------------
# 67. A hospital's Word report where the old status or deadline is struck through.

def c67():
    name = "c67_docx_strikethrough_updates_lyrmyy.docx"
    body = [
        para("临澧县人民医院关于巡察反馈问题整改进展情况的报告", ppr='<w:jc w:val="center"/>'),
        para("2025年5月，县委第一巡察组对我院开展了巡察，并于2025年7月8日反馈了巡察意见。共反馈问题5个，截至目前，已完成整改2个，正在整改3个。现将整改进展情况报告如下："),
        para("问题1：病历书写质量不高，甲级病历率低于90%。"),
        para("整改措施：开展病历书写规范培训，实行病历质量科室月评、院级季评。"),
        para("责任科室：医务科"),
        para("整改时限：2025年10月31日"),
        para("完成情况：", struck("正在推进，预计2025年10月底前完成。"), run("已完成。第三季度甲级病历率达到93.6%。", '<w:strike w:val="0"/>')),
        para("问题2：临床路径管理覆盖病种少。"),
        para("整改措施：扩大临床路径管理病种，将入径率纳入科室考核。"),
        para("责任科室：医务科"),
        para("整改时限：", struck("2025年9月30日"), "2025年12月31日"),
        para("完成情况：正在推进。新增临床路径病种36个，入径率提升至52%。"),
        para("问题3：抗菌药物使用强度超标。"),
        para("整改措施：开展抗菌药物专项点评，对超标科室负责人约谈。"),
        para("责任科室：药剂科"),
        para("整改时限：2026年3月31日"),
        para("完成情况：", dstruck("已完成。"), "正在整改，使用强度已由52DDDs降至44DDDs。"),
        para("问题4：院感防控培训覆盖面不足。"),
        para("整改措施：制定全员院感培训计划，将培训考核合格作为上岗条件。"),
        para("责任科室：院感科"),
        para("整改时限：2025年9月30日"),
        para("完成情况：已完成。全院1126名职工培训考核全覆盖。", struck("目前尚有2个科室未完成培训。")),
        para("问题5：医疗纠纷处置不及时，投诉回复超时。"),
        para("整改措施：设立一站式投诉接待中心，实行投诉首问负责和限时办结。"),
        para("责任科室：医患关系办公室"),
        para("整改时限：", struck("长期坚持"), "2026年6月30日"),
        para("完成情况：正在推进。投诉接待中心已设立，限时办结制度正在完善。"),
        para("临澧县人民医院"),
        para("2025年11月26日"),
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="1304" w:gutter="0"/></w:sectPr>',
    ]
    word_package(os.path.join(OUT, name), "".join(body))
    gold(name, [
        ("病历书写质量不高", False, None),
        ("临床路径管理覆盖病种少", True, "2025-12-31"),
        ("抗菌药物使用强度超标", True, "2026-03-31"),
        ("院感防控培训覆盖面不足", False, None),
        ("医疗纠纷处置不及时", True, "2026-06-30"),
    ], "2025-11-26")


# ---------------------------------------------------------------------------------------------
# 68. A 情况说明 to 县委巡察办, the problems only in 附件1 after the signature.

def c68():
    name = "c68_letter_appendix_list_lywjj.txt"
    rows = [
        ("1", "政治建设", "党组落实意识形态工作责任制不到位，专题研判不及时", "每半年召开意识形态专题会议，建立研判台账", "办公室", "2025年9月30日", "已完成"),
        ("2", "政治建设", "“第一议题”学习后贯彻落实措施不具体", "修订学习制度，建立学习贯彻台账", "办公室", "2025年9月30日", "已完成"),
        ("3", "全面从严治党", "下属单位财务监管不到位，个别卫生院存在白条入账", "开展财务专项检查，规范票据管理", "规划财务股", "2025年10月31日", "已完成"),
        ("4", "全面从严治党", "乡镇卫生院基础设施改造项目推进缓慢", "争取上级资金，倒排工期推进项目建设", "规划财务股", "2026年6月30日", "正在推进，已完成3个卫生院改造"),
        ("5", "全面从严治党", "公务用车管理不规范", "实行公务用车定位管理和网上审批", "办公室", "2025年8月31日", "已完成"),
        ("6", "业务工作", "基本公共卫生服务项目资金拨付滞后", "按季度预拨资金，年底结算", "基层卫生股", "2025年12月31日", "整改中，已完成60%"),
        ("7", "业务工作", "医疗卫生人才队伍建设滞后，乡镇卫生院人员短缺", "实施县管乡用，定向招聘乡村医生", "人事股", "长期坚持", "持续推进"),
        ("8", "业务工作", "卫生监督执法力量不足，执法覆盖面不全", "整合执法力量，实行网格化监管", "综合监督股", "2025年10月31日", "已完成"),
        ("9", "干部队伍", "干部人事档案管理不规范", "开展档案专项审核，补齐缺失材料", "人事股", "2025年9月30日", "已完成"),
    ]
    lines = ["关于县委第一巡察组反馈问题整改情况的说明", "", "县委巡察办：", "",
             "2025年4月至5月，县委第一巡察组对我局开展了常规巡察，并于2025年7月3日反馈了巡察意见，共指出3个方面9个问题。我局党组高度重视，"
             "召开专题会议研究部署，逐项制定整改措施，明确责任股室和整改时限。现将整改情况说明如下。", "",
             "一、整改工作总体情况",
             "截至2025年11月20日，9个问题中已完成整改6个，正在整改3个，整改完成率66.7%。建立完善制度8项，追回违规资金2.3万元。具体整改情况见附件1。", "",
             "二、尚未完成整改问题的情况",
             "对尚未完成的3个问题，我局已明确专人跟踪督办。乡镇卫生院基础设施改造受上级资金下达进度影响，计划2026年6月底前完成；"
             "基本公共卫生服务项目资金拨付问题已完成60%，年底前完成；人才队伍建设需长期坚持。", "",
             "三、下一步工作",
             "我局将持续巩固整改成果，对未完成事项实行销号管理，确保按时整改到位。", "",
             "特此说明。", "",
             "附件：1.县卫生健康局巡察反馈问题整改清单", "",
             "中共临沅县卫生健康局党组", "2025年11月25日", "", "",
             "附件1", "",
             "县卫生健康局巡察反馈问题整改清单", "",
             "\t".join(["序号", "问题类别", "反馈问题", "整改措施", "责任股室", "整改时限", "完成情况"])]
    lines += ["\t".join(r) for r in rows]
    lines.append("")
    write(name, "\n".join(lines))
    gold(name, [
        ("党组落实意识形态工作责任制不到位", False, None),
        ("“第一议题”学习后贯彻落实措施不具体", False, None),
        ("下属单位财务监管不到位", False, None),
        ("乡镇卫生院基础设施改造项目推进缓慢", True, "2026-06-30"),
        ("公务用车管理不规范", False, None),
        ("基本公共卫生服务项目资金拨付滞后", True, "2025-12-31"),
        ("医疗卫生人才队伍建设滞后", True, None),
        ("卫生监督执法力量不足", False, None),
        ("干部人事档案管理不规范", False, None),
    ], "2025-11-25")


# ---------------------------------------------------------------------------------------------
# 69. (1)(2)(3) at the top level, 一是/二是 measures inside.

def c69():
    name = "c69_paren_numbers_yishi_measures_tywsjd.txt"
    text = """桃源县卫生健康综合监督执法局关于巡察整改进展情况的通报

根据县委统一部署，县委第五巡察组于2025年5月至6月对我局开展了常规巡察，并于2025年7月22日反馈了巡察意见。共反馈问题6个，截至目前已整改到位4个，正在整改2个。现将具体问题整改情况通报如下：

(1)执法办案程序不规范，部分案件调查取证不充分。
整改情况：一是对2023年以来的86件行政处罚案卷进行了全面评查；二是组织执法人员开展调查取证规范培训2次；三是建立重大案件集体讨论制度。目前该问题已整改完成。

(2)“双随机、一公开”抽查任务完成率不高。
整改情况：一是将抽查任务分解到各执法中队，按月通报进度；二是对未完成任务的中队负责人进行约谈。目前抽查任务完成率已提升至85%，正在推进，预计2025年12月底前完成年度全部抽查任务。

(3)执法装备配备不足，执法记录仪使用率低。
整改情况：一是新购置执法记录仪20台，已全部配发到位；二是制定执法记录仪使用管理办法，已印发执行。该问题已整改到位。

(4)投诉举报办理超时，回复群众不及时。整改情况：一是建立投诉举报限时办结制度；二是安排专人跟踪督办，2025年8月以来受理的投诉举报均按期办结。目前已整改完成。

(5)执法人员廉政风险防控不到位。
整改情况：一是梳理执法岗位廉政风险点18个，逐一制定防控措施；二是开展警示教育2次。该问题已整改到位。

(6)公共场所卫生监督覆盖不全，部分小型美容美发场所未纳入监管。
整改情况：一是开展公共场所摸底排查，新发现未纳入监管场所47家；二是对已排查场所逐一建档。目前正在推进，预计2026年3月底前完成全部场所建档。

下一步，我局将持续抓好整改落实，巩固整改成果。

桃源县卫生健康综合监督执法局
2025年11月27日
"""
    write(name, text)
    gold(name, [
        ("执法办案程序不规范", False, None),
        ("“双随机、一公开”抽查任务完成率不高", True, "2025-12-31"),
        ("执法装备配备不足", False, None),
        ("投诉举报办理超时", False, None),
        ("执法人员廉政风险防控不到位", False, None),
        ("公共场所卫生监督覆盖不全", True, "2026-03-31"),
    ], "2025-11-27")


for fn in (c62, c63, c64, c65, c66, c67, c68, c69):
    if not ONLY or fn.__name__ in ONLY:
        fn()
