#!/usr/bin/env python3
"""Writes the reports of the corpus that come out of offices' tools rather than a text editor:
Word files with tracked changes, content controls, text boxes, footnotes, fields and mixed
list/typed numbering; a .docx LibreOffice saved from a .txt; a web page saved as .html and
one copied as text with the site's chrome; text pasted from a PDF (hard-wrapped lines, page
numbers, running headers); a GBK report with its totals in a table; one 通报 for two units.
Each file gets its gold (written before the importer ever read the file).

Usage: make_office_reports.py OUT_DIR [c25 c26 ...]

The committed copies live in Tests/RectifyImportTests/Fixtures/corpus/.
"""
import os
import subprocess
import sys
import tempfile
import zipfile
import functools

import fixtures
from fixtures import W, esc, footnote_ref, para, run, textbox

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
gold = functools.partial(fixtures.gold, OUT)
write = functools.partial(fixtures.write, OUT)


# ---------------------------------------------------------------------------------------------
# Word XML by hand (python-docx gives the package; the body is written as Word writes it).


def ins(text, rid=1):
    return f'<w:ins w:id="{rid}" w:author="办公室" w:date="2026-05-18T09:12:00Z">{run(text)}</w:ins>'


def dele(text, rid=2):
    return (f'<w:del w:id="{rid}" w:author="办公室" w:date="2026-05-18T09:12:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{esc(text)}</w:delText></w:r></w:del>')


def field(instr, shown):
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {esc(instr)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'{run(shown)}<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def sdt_inline(text, tag):
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{abs(hash(tag)) % 100000}"/><w:text/></w:sdtPr>'
            f'<w:sdtContent>{run(text)}</w:sdtContent></w:sdt>')


def sdt_block(paragraphs_xml, tag):
    return (f'<w:sdt><w:sdtPr><w:alias w:val="{tag}"/><w:tag w:val="{tag}"/><w:id w:val="{abs(hash(tag)) % 100000 + 7}"/></w:sdtPr>'
            f'<w:sdtContent>{"".join(paragraphs_xml)}</w:sdtContent></w:sdt>')


NUMBERING = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%2）"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>'''

FOOTNOTES = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes {W}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> “三重一大”指重大事项决策、重要干部任免、重大项目安排和大额度资金使用，须经集体研究决定。</w:t></w:r></w:p></w:footnote>
<w:footnote w:id="2"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> 按省疾控中心要求，2027年6月底前高级职称人员占比应达到25%以上。</w:t></w:r></w:p></w:footnote>
</w:footnotes>'''

HEADER = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">兴隆县疾病预防控制中心　第 </w:t></w:r><w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>1</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve"> 页</w:t></w:r></w:p></w:hdr>'''

FOOTER = f'''<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}><w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>'''


def word_package(path, body_xml, extra_parts=None, rels=(), types=()):
    """A .docx on A4 with the 公文 margins, its header and footer when `rels` has them."""
    sect = ('<w:sectPr>' + "".join(f'<w:{kind}Reference w:type="default" r:id="{rid}"/>' for kind, rid in
                                    (("header", "rIdH1"), ("footer", "rIdF1")) if any(r[0] == rid for r in rels)) +
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
            'w:header="851" w:footer="1304" w:gutter="0"/></w:sectPr>')
    fixtures.word_package(path, body_xml, extra_parts, rels, types, sect)


# 25. A CDC's progress report as an office edits it in Word: the unit's name in a content
#     control in the title, the date line a date-picker control; problems 1–6 numbered by a Word
#     list that runs on across typed section headings, problems 7–8 typed by hand ("7."); two
#     problems inside one block content control (a template's repeating section); tracked
#     changes not yet accepted (a deadline moved from 3月31日 to 6月30日, "正在推进" replaced by
#     "已完成整改", a deleted "目前尚未完成，"): deleted text must not be read; footnotes (one
#     with a 2027 date that is a province's target, not the problem's deadline); a HYPERLINK
#     field in the contacts; the signature in a text box (Word writes its text twice, DrawingML
#     and VML fallback); a header with a PAGE field and "— PAGE —" in the footer.
def c25():
    N = (5, 0)
    body = [
        para(sdt_inline("兴隆县疾病预防控制中心", "单位名称"), "关于县委第三巡察组反馈意见整改进展情况的通报"),
        sdt_block([para("（2026年5月20日）")], "发文日期"),
        para("　　根据县委统一部署，2025年10月8日至11月30日，县委第三巡察组对县疾病预防控制中心开展了常规巡察，"
             "并于2026年1月15日反馈了巡察意见。中心支部委员会高度重视，逐项制定整改措施。现将整改进展情况通报如下。"),
        para("　　一、整改工作总体情况"),
        para("　　巡察组共反馈问题8个，截至2026年5月15日，已完成整改5个，正在推进3个。"),
        para("　　二、具体问题整改进展"),
        para("　　（一）政治建设方面"),
        para("党组织会议记录不规范，会议决定事项无跟踪。", num=N),
        para("　　整改措施：统一会议记录格式，建立会议决定事项督办台账。"),
        para("　　责任领导：主任 陈立新"),
        para("　　整改时限：2026年3月31日"),
        para("　　整改进展：已完成整改。"),
        para("“三重一大", footnote_ref(1), "”事项集体决策程序执行不严格。", num=N),
        para("　　整改措施：修订“三重一大”决策制度实施细则，建立决策事项清单。"),
        para("　　责任领导：主任 陈立新"),
        para("　　整改时限：2026年4月30日"),
        para("　　整改进展：已完成整改。"),
        para("　　（二）业务工作方面"),
        para("免疫规划冷链设备老化，部分接种单位冰箱超期服役。", num=N),
        para("　　整改措施：分批更新接种单位冷链设备，安装温度自动监测系统。"),
        para("　　责任领导：副主任 黄海燕"),
        para("　　整改时限：", dele("2026年3月31日", 11), ins("2026年6月30日", 12)),
        para("　　整改进展：已完成12家接种单位冷链设备更新，剩余5家正在采购，正在推进。"),
        sdt_block([
            para("实验室生物安全管理制度不健全。", num=N),
            para("　　整改措施：修订实验室生物安全管理制度，开展生物安全专项培训。"),
            para("　　责任领导：副主任 黄海燕"),
            para("　　整改时限：2026年4月30日"),
            para("　　整改进展：", dele("目前尚未完成，", 13), "已修订完善实验室生物安全管理制度12项，已完成整改。"),
            para("慢性病随访数据质量不高，存在随访记录不实问题。", num=N),
            para("　　整改措施：开展随访数据电话核查，将随访质量纳入绩效考核。"),
            para("　　责任领导：副主任 黄海燕"),
            para("　　整改时限：2026年5月31日"),
            para("　　整改进展：", dele("正在推进。", 14), ins("已完成整改。", 15)),
        ], "问题清单"),
        para("专业技术人才队伍结构不合理，高级职称人员占比偏低。", footnote_ref(2), num=N),
        para("　　整改措施：制定人才引进和培养计划，支持专业技术人员晋升职称。"),
        para("　　责任领导：主任 陈立新"),
        para("　　整改时限：2026年12月31日"),
        para("　　整改进展：人才引进计划已经制定，招聘工作正在进行，预计2026年12月底前完成。"),
        para("　　（三）作风建设方面"),
        para("　　7.公务接待审批手续不规范。"),
        para("　　整改措施：严格执行公务接待审批制度，实行“一事一单”。"),
        para("　　责任领导：主任 陈立新"),
        para("　　整改时限：立行立改"),
        para("　　整改进展：已完成整改。"),
        para("　　8.疫苗出入库台账管理不规范，账物不符。"),
        para("　　整改措施：全面盘点疫苗库存，启用疫苗电子追溯系统。"),
        para("　　责任领导：副主任 黄海燕"),
        para("　　整改时限：2026年7月底前"),
        para("　　整改进展：正在推进。"),
        para("　　三、下一步工作打算"),
        para("　　中心将持续巩固整改成果，对正在推进的问题逐项跟踪，确保按期整改到位。"),
        para("　　欢迎社会各界对巡察整改落实情况进行监督。联系电话：0898-83123456；电子邮箱：",
             field('HYPERLINK "mailto:xlcdc@163.com"', "xlcdc@163.com"), "。"),
        para(textbox(["中共兴隆县疾病预防控制中心支部委员会", "2026年5月20日"])),
    ]
    name = "c25_word_tracked_xlcdc.docx"
    word_package(os.path.join(OUT, name), "".join(body),
                 {"word/numbering.xml": NUMBERING, "word/footnotes.xml": FOOTNOTES, "word/header1.xml": HEADER, "word/footer1.xml": FOOTER},
                 rels=(("rIdFN", "footnotes", "footnotes.xml"), ("rIdH1", "header", "header1.xml"), ("rIdF1", "footer", "footer1.xml")),
                 types=(("word/footnotes.xml", "footnotes"), ("word/header1.xml", "header"), ("word/footer1.xml", "footer")))
    gold(name, [
        ("党组织会议记录不规范", False, None),
        ("事项集体决策程序执行不严格", False, None),
        ("免疫规划冷链设备老化", True, "2026-06-30"),
        ("实验室生物安全管理制度不健全", False, None),
        ("慢性病随访数据质量不高", False, None),
        ("专业技术人才队伍结构不合理", True, "2026-12-31"),
        ("公务接待审批手续不规范", False, None),
        ("疫苗出入库台账管理不规范", True, "2026-07-31"),
    ], "2026-05-20")


# 26. A hospital's report typed as text (full-width indents, the signature pushed right with
#     spaces) and saved as .docx by LibreOffice (`soffice --convert-to docx`), as offices do
#     when the portal wants Word.
C26 = """西岭县人民医院
关于县委巡察反馈意见整改进展情况的通报

　　2025年9月至10月，县委第五巡察组对西岭县人民医院开展了巡察。11月20日，巡察组反馈了4个方面的7个具体问题。医院党委逐项研究，制定整改措施24条。现将整改进展情况通报如下：
　　一、关于党的建设方面
　　（一）“第一议题”制度落实不到位。
　　整改措施：将学习贯彻习近平总书记重要讲话精神作为党委会第一议题，建立学习台账。
　　整改结果：完成。
　　（二）党支部建在科室上覆盖不全。
　　整改措施：调整党支部设置，实现临床医技科室党支部全覆盖。
　　整改结果：完成。
　　二、关于医疗质量安全方面
　　（三）临床路径管理执行不规范。
　　整改措施：修订临床路径管理制度，将入径率纳入科室考核。
　　整改结果：未完成。入径率已提升至52%，计划2026年5月底前达到60%。
　　（四）抗菌药物使用强度偏高。
　　整改措施：开展抗菌药物专项点评，对超常使用的医师进行约谈。
　　整改结果：完成。
　　三、关于行风建设方面
　　（五）“大处方”“大检查”问题仍有发生。
　　整改措施：建立处方点评和检查合理性评价制度。
　　整改结果：完成。
　　（六）医德医风考评流于形式。
　　整改措施：完善医德考评办法，考评结果与职称晋升挂钩。
　　整改结果：未完成。新办法已起草，预计2026年3月31日前提交职代会审议。
　　四、关于内部管理方面
　　（七）医院内部审计监督作用发挥不够。
　　整改措施：设立独立的内部审计科，配备专职审计人员2名。
　　整改结果：完成。
　　欢迎社会各界对整改落实情况进行监督。联系电话：0871-6543210。

　　　　　　　　　　　　　　　　　中共西岭县人民医院委员会
　　　　　　　　　　　　　　　　　　　　2026年1月6日
"""


def c26():
    name = "c26_libreoffice_xlrmyy.docx"
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "c26_libreoffice_xlrmyy.txt")
        with open(src, "w", encoding="utf-8") as f:
            f.write(C26)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx:MS Word 2007 XML",
                        "--outdir", tmp, src], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(tmp, name), "rb") as f, open(os.path.join(OUT, name), "wb") as g:
            g.write(f.read())
    gold(name, [
        ("“第一议题”制度落实不到位", False, None),
        ("党支部建在科室上覆盖不全", False, None),
        ("临床路径管理执行不规范", True, "2026-05-31"),
        ("抗菌药物使用强度偏高", False, None),
        ("“大处方”“大检查”问题仍有发生", False, None),
        ("医德医风考评流于形式", True, "2026-03-31"),
        ("医院内部审计监督作用发挥不够", False, None),
    ], "2026-01-06")


# 27. A report copied from the county portal with the page's chrome: breadcrumbs, 发布时间/
#     浏览次数, 【字号 大 中 小】【打印本页】【关闭窗口】, 分享到, 附件 links, 上一篇/下一篇 (the
#     previous notice's title is another unit's 整改进展情况的通报), the site's footer; the body in
#     full-width digits and letters (２０２６年６月３０日, （１）, ＨＩＳ, ＤＲ).
C27 = """首页 > 政务公开 > 通知公告
临东县卫生健康局关于县委第四巡察组巡察反馈意见整改进展情况的通报
发布时间：2026-04-15 10:32:18　来源：县卫生健康局　浏览次数：1352
【字号：大 中 小】　【打印本页】　【关闭窗口】
分享到：微信 微博 QQ空间

根据县委巡察工作统一部署，２０２５年９月１６日至１１月１０日，县委第四巡察组对县卫生健康局党组开展了常规巡察。２０２５年１２月１８日，县委第四巡察组向县卫生健康局党组反馈了巡察意见。按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。
一、整改工作总体情况
县卫生健康局党组把巡察整改作为重大政治任务，成立由党组书记任组长的整改工作领导小组，对照反馈的３个方面７个问题，逐项制定整改措施。截至２０２６年３月３１日，已完成整改５个，正在整改２个。
二、反馈问题整改落实情况
（一）贯彻落实党的路线方针政策和上级决策部署方面
１．落实医疗卫生领域群众身边不正之风和腐败问题集中整治工作推进不力。
整改情况：制定集中整治工作方案，开展专项检查２轮，查处问题１２个。已完成整改。
２．基层医疗卫生机构能力建设滞后，乡镇卫生院ＤＲ、彩超等设备配备不足。
整改情况：（１）争取上级资金３２０万元，为６家卫生院配备ＤＲ设备；（２）彩超采购已完成招标，预计２０２６年６月３０日前全部安装到位。目前正在推进中。
（二）落实全面从严治党责任方面
３．党组履行主体责任不到位，研究党风廉政建设工作次数偏少。
整改情况：修订党组议事规则，每季度专题研究党风廉政建设工作。已完成整改。
４．公务用车管理不规范，存在未按规定登记使用的情况。
整改情况：建立公务用车使用登记和ＧＰＳ定位监控制度。已完成整改。
５．医院ＨＩＳ系统权限管理混乱，存在离职人员账号未及时注销的问题。
整改情况：（１）对全县１２家公立医疗机构ＨＩＳ系统账号开展全面清理，注销离职人员账号８６个；（２）建立账号权限定期核查机制。已完成整改。
（三）落实巡察、审计等监督发现问题整改方面
６．上轮巡察反馈的医疗废物处置问题整改不彻底。
整改情况：对全县医疗废物暂存点逐一排查，已完成４个乡镇暂存点改造，剩余３个乡镇暂存点改造计划于２０２６年９月底前完成。
７．审计指出的专项资金结余未及时清理。
整改情况：已将结余资金２８．６万元全部上缴县财政。已完成整改。
三、下一步工作打算
县卫生健康局党组将持续用力抓好剩余问题整改，做到问题不解决不松劲、整改不到位不罢休。
欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：０８９８－８６２２３４５；电子邮箱：ldxwjj＠163.com。

中共临东县卫生健康局党组
２０２６年４月１５日

附件：１．临东县卫生健康局巡察整改任务清单.xlsx
　　　２．巡察整改工作领导小组名单.docx
【打印本页】　【关闭窗口】
上一篇：临东县人民医院关于县委巡察反馈意见整改进展情况的通报
下一篇：关于开展２０２６年全国爱国卫生月活动的通知
主办单位：临东县人民政府办公室　承办单位：临东县卫生健康局
网站标识码：4690000012　琼ICP备12001234号-1　琼公网安备 46902802000123号
"""


def c27():
    name = "c27_web_chrome_fullwidth_ldwjj.txt"
    write(name, C27)
    gold(name, [
        ("落实医疗卫生领域群众身边不正之风和腐败问题集中整治工作推进不力", False, None),
        ("基层医疗卫生机构能力建设滞后", True, "2026-06-30"),
        ("党组履行主体责任不到位", False, None),
        ("公务用车管理不规范", False, None),
        ("医院HIS系统权限管理混乱", False, None),
        ("上轮巡察反馈的医疗废物处置问题整改不彻底", True, "2026-09-30"),
        ("审计指出的专项资金结余未及时清理", False, None),
    ], "2026-04-15")


# 28. A report pasted from its PDF: every line cut at 30 characters wherever it falls (inside
#     words, labels and dates: "2026年6" / "月30日前"), a running header at the top of every page
#     and "— 2 —" page numbers at the bottom.
C28 = """宁安县妇幼保健院关于县委巡察反馈问题整改进展情况的通报
（2026年3月2日）
根据县委统一部署，2025年8月25日至10月20日，县委第一巡察组对县妇幼保健院党支部进行了巡察，并于2025年11月28日反馈了巡察意见。院党支部坚持把抓好巡察整改作为重要政治任务，现将整改进展情况通报如下。
一、整改工作总体进展
对巡察反馈的8个问题，院党支部制定了32条整改措施。截至2026年2月底，已完成整改问题5个，其余3个问题正在按计划推进。
二、具体问题整改情况
（一）党的领导弱化方面
1.党支部“三会一课”制度落实不严格，组织生活会质量不高。整改措施：制定年度组织生活计划，落实支部书记讲党课制度。整改进展：已完成整改。
2.意识形态工作责任制落实不到位。整改措施：建立意识形态工作责任清单，每半年专题研判一次。整改进展：已完成整改。
（二）全面从严治党方面
3.药品耗材采购监管不严，部分耗材未经院务会研究直接采购。整改措施：修订《药品耗材采购管理办法》，实行采购目录动态管理。整改进展：办法已印发实施，采购目录动态调整机制正在建立，预计2026年6月30日前完成。
4.医务人员收受红包回扣问题警示教育不够。整改措施：开展医德医风专题警示教育，签订廉洁行医承诺书。整改进展：已完成整改。
5.绩效分配方案向临床一线倾斜不够。整改措施：重新制定绩效考核分配方案，提高临床一线人员绩效占比。整改进展：方案已征求职工意见，待职代会审议通过后实施，预计2026年4月底前完成。
（三）履行职能职责方面
6.孕产妇高危筛查追踪管理不到位。整改措施：完善高危孕产妇五色分级管理，专人负责追踪随访。整改进展：已完成整改。
7.儿童保健门诊服务能力不足，候诊时间长。整改措施：增设儿童保健诊室2间，推行分时段预约。整改进展：新增诊室已投入使用，分时段预约全面推行，已完成整改。
8.信息化建设滞后，妇幼健康信息系统与区域平台未实现互联互通。整改措施：升级妇幼健康信息系统，对接区域全民健康信息平台。整改进展：系统升级已完成招标，计划2026年10月底前完成对接。
三、下一步工作
院党支部将持续巩固整改成果，对未完成的问题紧盯不放，确保按期整改到位。
欢迎社会各界对巡察整改落实情况进行监督。联系电话：0951-5012345。
中共宁安县妇幼保健院支部委员会
2026年3月2日
"""


def c28():
    name = "c28_pdf_wrapped_nafy.txt"
    lines = []
    for paragraph in C28.strip("\n").split("\n"):
        while len(paragraph) > 30:
            lines.append(paragraph[:30])
            paragraph = paragraph[30:]
        lines.append(paragraph)
    out, page = [], 1
    for i, line in enumerate(lines):
        if i > 0 and i % 22 == 0:
            out += ["", f"— {page} —", "宁安县妇幼保健院巡察整改进展情况通报"]
            page += 1
        out.append(line)
    out += ["", f"— {page} —"]
    write(name, "\n".join(out) + "\n")
    gold(name, [
        ("党支部“三会一课”制度落实不严格", False, None),
        ("意识形态工作责任制落实不到位", False, None),
        ("药品耗材采购监管不严", True, "2026-06-30"),
        ("医务人员收受红包回扣问题警示教育不够", False, None),
        ("绩效分配方案向临床一线倾斜不够", True, "2026-04-30"),
        ("孕产妇高危筛查追踪管理不到位", False, None),
        ("儿童保健门诊服务能力不足", False, None),
        ("信息化建设滞后", True, "2026-10-31"),
    ], "2026-03-02")


# 29. A hospital's report saved in GBK (Notepad's ANSI on a Chinese Windows) whose totals are a
#     table (序号 | 问题类别 | 问题数 | 已完成 | 未完成 | 合计), not a sentence; problems numbered
#     （一）…（九） straight through under the 一、二、三 categories.
C29 = """红山县中医医院关于巡察整改进展情况的通报

2025年7月，县委第二巡察组对我院开展了巡察，9月12日反馈了巡察意见，指出3个方面9个问题。我院党委高度重视，逐条制定整改措施。截至2026年1月20日，整改进展情况如下表：

序号\t问题类别\t问题数\t已完成\t未完成
1\t党的建设方面\t3\t3\t0
2\t医院管理方面\t4\t2\t2
3\t作风建设方面\t2\t1\t1
合计\t\t9\t6\t3

一、党的建设方面
（一）党委理论学习中心组学习制度执行不严格。
整改情况：制定年度学习计划，严格落实学习考勤制度。已整改完成。
（二）发展党员工作不规范。
整改情况：对2020年以来发展党员档案逐一排查，补齐材料12份。已整改完成。
（三）党风廉政建设宣传教育形式单一。
整改情况：开展“廉洁文化进科室”活动，建成廉政文化长廊。已整改完成。
二、医院管理方面
（四）中药饮片质量管理存在漏洞，验收记录不全。
整改情况：完善中药饮片验收、养护制度，配备专职验收人员。已整改完成。
（五）病历书写质量不高，运行病历监管缺位。
整改情况：成立病历质控小组，每月开展运行病历抽查。病历甲级率由82%提升至91%，仍未达到95%的目标，预计2026年6月底前达标。
（六）大型医用设备使用效率低。
整改情况：建立设备使用效益分析制度，对CT、MRI使用情况按月通报。已整改完成。
（七）医疗纠纷处置机制不健全。
整改情况：正在修订《医疗纠纷预防与处理办法》，计划2026年3月31日前印发实施。
三、作风建设方面
（八）部分科室服务态度生硬，群众投诉较多。
整改情况：开展服务礼仪培训4期，建立投诉首问负责制，投诉量同比下降40%。已整改完成。
（九）职工食堂管理不规范，账目不清。
整改情况：食堂已交由后勤服务公司管理，账目清查工作正在进行，预计2026年2月底前完成。

下一步，我院将持续巩固整改成果，建立健全长效机制。

红山县中医医院党委
2026年1月20日
"""


def c29():
    name = "c29_gbk_totals_table_hszyy.txt"
    write(name, C29.replace("\n", "\r\n"), "gbk")
    gold(name, [
        ("党委理论学习中心组学习制度执行不严格", False, None),
        ("发展党员工作不规范", False, None),
        ("党风廉政建设宣传教育形式单一", False, None),
        ("中药饮片质量管理存在漏洞", False, None),
        ("病历书写质量不高", True, "2026-06-30"),
        ("大型医用设备使用效率低", False, None),
        ("医疗纠纷处置机制不健全", True, "2026-03-31"),
        ("部分科室服务态度生硬", False, None),
        ("职工食堂管理不规范", True, "2026-02-28"),
    ], "2026-01-20")


# 30. One 通报 for two units inspected together ("县卫健局和县医保局"): a part per unit, each
#     with its own totals sentence and problems numbered from 1 again; two signatures on a line.
C30 = """白水县卫健局和县医保局关于县委第二巡察组反馈意见整改进展情况的通报

2025年10月，县委第二巡察组对县卫生健康局、县医疗保障局开展了联动巡察，并于2025年12月5日分别反馈了巡察意见。两单位党组照单全收、逐条整改，现将整改进展情况通报如下：

一、县卫生健康局整改进展情况
县卫生健康局共收到反馈问题6个，已完成整改4个，2个正在推进。
1.公立医院党委领导下的院长负责制落实不到位。已完成整改，全县3家公立医院均修订了党委会和院长办公会议事规则。
2.基层医疗机构药品采购监管不严。已完成整改，建立了药品采购月度审核制度。
3.村卫生室标准化建设进度缓慢。目前已完成28个村卫生室改造，剩余9个计划于2026年6月底前完成。
4.医疗卫生人才引进培养不足。已完成整改。全年招聘医学类毕业生46名。
5.卫生健康执法监督力量薄弱。已完成整改，增设执法监督员4名。
6.医疗服务价格执行检查不到位。正在推进，预计2026年4月30日前完成全县医疗机构价格专项检查。

二、县医疗保障局整改进展情况
县医疗保障局共收到反馈问题4个，已完成整改3个，1个正在推进。
1.医保基金监管存在薄弱环节。已完成整改，建成医保智能监控系统。
2.异地就医直接结算备案程序繁琐。已完成整改，实现线上备案“零跑腿”。
3.医保经办服务窗口作风不实。已完成整改，开展窗口作风专项整治。
4.长期护理保险试点推进缓慢。正在推进，试点方案已报县政府审定，预计2026年9月30日前启动实施。

欢迎广大干部群众对两单位巡察整改落实情况进行监督。联系电话：县卫健局0913-6212345，县医保局0913-6256789。

中共白水县卫生健康局党组　　中共白水县医疗保障局党组
2026年2月10日
"""


def c30():
    name = "c30_two_units_bswjj_ybj.txt"
    write(name, C30)
    gold(name, [
        ("公立医院党委领导下的院长负责制落实不到位", False, None),
        ("基层医疗机构药品采购监管不严", False, None),
        ("村卫生室标准化建设进度缓慢", True, "2026-06-30"),
        ("医疗卫生人才引进培养不足", False, None),
        ("卫生健康执法监督力量薄弱", False, None),
        ("医疗服务价格执行检查不到位", True, "2026-04-30"),
        ("医保基金监管存在薄弱环节", False, None),
        ("异地就医直接结算备案程序繁琐", False, None),
        ("医保经办服务窗口作风不实", False, None),
        ("长期护理保险试点推进缓慢", True, "2026-09-30"),
    ], "2026-02-10")


# 31. The portal's page saved as .html (浏览器 "网页，仅HTML"): navigation, 字号/打印/关闭, the
#     report's table of problems with a problem cell spanning its two measure rows (rowspan),
#     附件 links and the site's footer.
C31 = """<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>青溪县健康教育所关于巡察整改进展情况的通报_青溪县人民政府</title>
<style>.nav{font-size:12px}</style><script>var hits=426;</script></head>
<body>
<div class="top"><a href="/">青溪县人民政府</a> | <a href="/wza">无障碍</a> | <a href="/en">English</a></div>
<div class="nav">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; <a href="/zwgk/tzgg">通知公告</a></div>
<div class="article">
<h1>青溪县健康教育所关于巡察整改进展情况的通报</h1>
<div class="info">发布日期：2026-05-08&nbsp;&nbsp;来源：县健康教育所&nbsp;&nbsp;浏览次数：<span id="hits">426</span>&nbsp;&nbsp;字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></div>
<div class="content">
<p>&nbsp;&nbsp;按照县委巡察工作安排，县委第三巡察组于2025年11月对我所开展了巡察，2026年1月9日反馈问题6个。截至2026年4月30日，已完成整改4个，2个正在推进。具体情况如下：</p>
<table border="1" cellspacing="0" cellpadding="4">
<tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>责任人</td><td>整改时限</td><td>完成情况</td></tr>
<tr><td>1</td><td>健康教育阵地建设薄弱</td><td>在全县12个乡镇建成健康教育宣传栏</td><td>所长 韦明</td><td>2026年3月31日</td><td>已完成</td></tr>
<tr><td rowspan="2">2</td><td rowspan="2">健康素养监测质量控制不严</td><td>开展监测调查员培训</td><td>副所长 蒙丽</td><td>2026年2月28日</td><td>已完成</td></tr>
<tr><td>建立监测数据入户复核制度</td><td>副所长 蒙丽</td><td>2026年6月30日</td><td>推进中</td></tr>
<tr><td>3</td><td>新媒体平台内容更新不及时</td><td>建立微信公众号每周更新机制</td><td>副所长 蒙丽</td><td>立行立改</td><td>已完成</td></tr>
<tr><td>4</td><td>健康科普专家库作用发挥不够</td><td>调整充实专家库，开展专家进社区活动</td><td>所长 韦明</td><td>2026年8月31日</td><td>正在推进</td></tr>
<tr><td>5</td><td>财务报销审核不严</td><td>修订财务报销审核制度</td><td>所长 韦明</td><td>2026年2月28日</td><td>已完成</td></tr>
<tr><td>6</td><td>档案管理不规范</td><td>聘请专业机构整理档案</td><td>副所长 蒙丽</td><td>2026年4月30日</td><td>已完成</td></tr>
</table>
<p>&nbsp;&nbsp;欢迎社会各界监督。联系电话：0778-7812345。</p>
<p style="text-align:right">青溪县健康教育所</p>
<p style="text-align:right">2026年5月8日</p>
<p>附件：<a href="/files/zgtz.xlsx">1.青溪县健康教育所巡察整改台账.xlsx</a></p>
</div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
</div>
<div class="footer">主办：青溪县人民政府办公室　版权所有　桂ICP备05001234号　网站标识码：4512000034<br>地址：青溪县城关镇人民路1号　电话：0778-7800000</div>
</body></html>
"""


def c31():
    name = "c31_html_chrome_table_qxjks.html"
    write(name, C31)
    gold(name, [
        ("健康教育阵地建设薄弱", False, None),
        ("健康素养监测质量控制不严", True, "2026-06-30"),
        ("新媒体平台内容更新不及时", False, None),
        ("健康科普专家库作用发挥不够", True, "2026-08-31"),
        ("财务报销审核不严", False, None),
        ("档案管理不规范", False, None),
    ], "2026-05-08")


# 32. A progress report whose problems are a Word table: the header row marked to repeat on
#     every page, problems merged (vMerge) over their measure rows, each measure with its own
#     完成情况 (a problem is done when all its measures are), and the header row pasted again
#     in the middle (rows copied from another department's table).
def c32():
    from docx import Document
    from docx.oxml import OxmlElement
    doc = Document()
    doc.add_paragraph("松江县妇幼保健计划生育服务中心关于巡察整改进展情况的报告")
    doc.add_paragraph("（2026年4月28日）")
    doc.add_paragraph("　　县委第二巡察组反馈问题5个。截至2026年4月20日，已完成整改3个，正在整改2个。具体情况如下：")
    head = ["序号", "反馈问题", "整改措施", "责任科室", "完成时限", "完成情况"]
    rows = [head,
            ["1", "党支部组织生活不规范", "规范“三会一课”记录", "办公室", "2026年1月31日", "已完成"],
            [None, None, "开展支部书记抓党建述职", "办公室", "2026年3月31日", "已完成"],
            ["2", "孕产妇健康管理系统数据不准确", "开展孕产妇健康档案数据清洗", "信息科", "2026年2月28日", "已完成"],
            [None, None, "建立数据质量核查制度", "信息科", "2026年3月31日", "已完成"],
            [None, None, "与省妇幼健康信息平台对接", "信息科", "2026年8月31日", "正在推进"],
            head,
            ["3", "药品采购未全面执行带量采购", "全面执行国家组织药品带量采购", "药剂科", "2026年3月31日", "已完成"],
            ["4", "职工培训经费使用不规范", "修订培训经费管理办法", "财务科", "2026年2月28日", "已完成"],
            ["5", "托育服务机构监管缺位", "开展托育机构专项检查", "妇女保健科", "2026年5月31日", "正在推进"],
            [None, None, "建立托育机构监管档案", "妇女保健科", "2026年6月30日", "未开始"]]
    table = docx_table(doc, rows, merges=((1, 0, 2, 0), (1, 1, 2, 1), (3, 0, 5, 0), (3, 1, 5, 1), (9, 0, 10, 0), (9, 1, 10, 1)))
    trPr = table.rows[0]._tr.get_or_add_trPr()
    trPr.append(OxmlElement("w:tblHeader"))
    doc.add_paragraph("　　下一步，中心将对未完成的问题持续跟踪督办，确保按期整改到位。")
    doc.add_paragraph("松江县妇幼保健计划生育服务中心")
    doc.add_paragraph("2026年4月28日")
    name = "c32_word_table_vmerge_sjfy.docx"
    doc.save(os.path.join(OUT, name))
    gold(name, [
        ("党支部组织生活不规范", False, None),
        ("孕产妇健康管理系统数据不准确", True, "2026-08-31"),
        ("药品采购未全面执行带量采购", False, None),
        ("职工培训经费使用不规范", False, None),
        ("托育服务机构监管缺位", True, "2026-06-30"),
    ], "2026-04-28")


def docx_table(doc, rows, merges=()):
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None:
                table.cell(i, j).text = str(v)
    for (r1, c1, r2, c2) in merges:
        table.cell(r1, c1).merge(table.cell(r2, c2))
    return table


# 33. A four-page report pasted from its PDF: lines cut at 28 characters wherever they fall
#     (labels "整改时" / "限：", headings mid-sentence, dates "2026年6月3" / "0日"), the running
#     header on every page (the first too), "- 1 -" page numbers.
C33 = """北川县中心血站关于巡察整改进展情况的通报
（2026年4月10日）
根据市委巡察工作安排，2025年10月至11月，市委第三巡察组对北川县中心血站开展了巡察，并于2025年12月22日反馈了巡察意见。现将整改进展情况通报如下。
一、总体进展
巡察反馈的8个问题中，已完成整改5个，正在整改3个。
二、问题整改情况
1.血液采集点设置不合理，部分献血点人流量小、采血量低。
整改措施：调整优化献血点布局，撤并低效献血点2个。
整改时限：2026年3月31日
整改进展：已完成整改。
2.献血者健康征询不规范，征询记录填写不完整。
整改措施：修订献血者健康征询规程，开展全员培训。
整改时限：2026年2月28日
整改进展：已完成整改。
3.血液库存预警机制不健全，偏型血液供应紧张时应对不及时。
整改措施：建立血液库存分级预警和应急调配机制。
整改时限：2026年6月30日
整改进展：预警信息系统正在调试，尚未完成。
4.冷链运输车辆温度记录不全，部分运输过程无温度监控。
整改措施：为全部运输车辆加装温度实时监控设备。
整改时限：2026年4月30日
整改进展：已完成整改。
5.实验室室内质控数据分析不及时，失控处理记录不完整。
整改措施：落实质控数据日分析制度，完善失控处理记录。
整改时限：2026年5月31日
整改进展：已完成整改。
6.职工继续教育学分达标率低，专业技术培训针对性不强。
整改措施：制定年度分层分类培训计划，纳入绩效考核。
整改时限：2026年12月31日
整改进展：培训计划已经制定，正在组织实施。
7.固定资产账实不符，部分报废设备未及时处置。
整改措施：全面盘点固定资产，按程序办理报废处置。
整改时限：2026年6月30日
整改进展：已完成资产盘点，报废处置手续正在办理。
8.公务卡强制结算目录执行不到位。
整改措施：严格执行公务卡强制结算目录，每月开展核查。
整改时限：立行立改
整改进展：已完成整改。
三、下一步工作
站党支部将持续巩固整改成果，确保剩余问题按期整改到位。
北川县中心血站
2026年4月10日
"""


def c33():
    name = "c33_pdf_every_page_header_bcxz.txt"
    lines = []
    for paragraph in C33.strip("\n").split("\n"):
        while len(paragraph) > 28:
            lines.append(paragraph[:28])
            paragraph = paragraph[28:]
        lines.append(paragraph)
    header = "北川县中心血站巡察整改进展情况通报"
    out, page = [header], 1
    for i, line in enumerate(lines):
        if i > 0 and i % 16 == 0:
            out += ["", f"- {page} -", header]
            page += 1
        out.append(line)
    out += ["", f"- {page} -"]
    write(name, "\n".join(out) + "\n")
    gold(name, [
        ("血液采集点设置不合理", False, None),
        ("献血者健康征询不规范", False, None),
        ("血液库存预警机制不健全", True, "2026-06-30"),
        ("冷链运输车辆温度记录不全", False, None),
        ("实验室室内质控数据分析不及时", False, None),
        ("职工继续教育学分达标率低", True, "2026-12-31"),
        ("固定资产账实不符", True, "2026-06-30"),
        ("公务卡强制结算目录执行不到位", False, None),
    ], "2026-04-10")


# 34. A Word report numbered by styles: its part headings in "Heading 2" whose style carries a
#     一、 list, its problems in "List Number" (（1）) restarted in each part as Word restarts a
#     list (a new w:num with a startOverride), and one problem whose number the clerk typed
#     ("（3）…") after the list broke.
NUMBERING34 = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="singleLevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="9"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>"""


def c34():
    name = "c34_word_list_styles_lxwjj.docx"
    H, L = "Heading2", "ListNumber"
    body = [
        para("泸溪县卫生健康局关于巡察整改进展情况的通报"),
        para("（2026年6月8日）"),
        para("　　县委第一巡察组于2026年1月反馈问题6个。截至2026年5月31日，已完成整改4个，2个正在推进。现将有关情况通报如下。"),
        para("关于党的建设方面", style=H),
        para("党组理论学习中心组学习流于形式。", style=L),
        para("　　整改情况：制定年度学习计划，每月开展集中学习，班子成员撰写心得体会。目前，该问题已整改到位。"),
        para("基层党组织标准化建设滞后。", style=L),
        para("　　整改情况：已完成6个支部的标准化建设，其余支部正在推进，预计2026年9月底前完成全部支部标准化建设。"),
        para("关于业务工作方面", style=H),
        para("家庭医生签约服务质量不高。", num=(8, 0), style=L),
        para("　　整改情况：优化签约服务包，开展履约情况季度考核。目前，该问题已整改到位。"),
        para("基层医疗机构药品短缺。", num=(8, 0), style=L),
        para("　　整改情况：建立县域药品统一采购配送机制。目前，该问题已整改到位。"),
        para("　　（3）医疗卫生机构安全生产隐患排查不彻底。"),
        para("　　整改情况：正在开展第二轮安全生产隐患排查，计划2026年7月31日前完成整改。"),
        para("关于作风建设方面", style=H),
        para("机关干部值班值守不严格。", num=(9, 0), style=L),
        para("　　整改情况：修订值班管理制度，实行领导带班和值班抽查。目前，该问题已整改到位。"),
        para("　　欢迎广大干部群众对整改落实情况进行监督。联系电话：0743-4212345。"),
        para("中共泸溪县卫生健康局党组"),
        para("2026年6月8日"),
    ]
    path = os.path.join(OUT, name)
    word_package(path, "".join(body), {"word/numbering.xml": NUMBERING34})
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    styles = styles.replace('<w:outlineLvl w:val="1"/></w:pPr>', '<w:numPr><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr>', 1)
    parts["word/styles.xml"] = styles.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            z.writestr(n, data)
    gold(name, [
        ("党组理论学习中心组学习流于形式", False, None),
        ("基层党组织标准化建设滞后", True, "2026-09-30"),
        ("家庭医生签约服务质量不高", False, None),
        ("基层医疗机构药品短缺", False, None),
        ("医疗卫生机构安全生产隐患排查不彻底", True, "2026-07-31"),
        ("机关干部值班值守不严格", False, None),
    ], "2026-06-08")


MAKERS = (c25, c26, c27, c28, c29, c30, c31, c32, c33, c34)
chosen = set(sys.argv[2:])
for make in MAKERS:
    if not chosen or make.__name__ in chosen:
        make()
print("wrote", OUT)
