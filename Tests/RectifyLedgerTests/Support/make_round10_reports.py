#!/usr/bin/env python3
"""Writes the tenth blind round: the files offices really send — exported by OA systems,
mislabelled, degraded by scanning — with gold files written before the importer read them.

Reports (corpus/):
- c77: a ".doc" that is Word's "Web page" (HTML with mso- styles, GB2312, runs split in spans);
- c78: a .docx renamed .doc;
- c79: text OCR'd from a scanned PDF: spaced-out characters, O for 0 and l for 1, 整改时隈,
  half-width punctuation, lines broken mid-sentence, "第 1 页 共 2 页" footers;
- c80: a report that went through a 繁体 system (整改時限, 進展, 已完成 mixed with simplified);
- c81: full-width ASCII digits and letters throughout (２０２６年, ＨＩＳ, ＰＤＣＡ).

Ledgers (ledgers/):
- l49: an OA system's ".xls" that is an HTML table (rowspan, mso-number-format);
- l50: an ".xls" in XML Spreadsheet 2003 (MergeDown, ss:Index, DateTime cells);
- l51: an .xlsx renamed .xls.

Usage: make_round10_reports.py CORPUS_DIR LEDGER_DIR
"""
import io
import os
import sys
from fixtures import gold, write

CORPUS, LEDGERS = sys.argv[1], sys.argv[2]
for d in (CORPUS, LEDGERS):
    os.makedirs(d, exist_ok=True)


# c77: Word "Web page" saved with a .doc name, GB2312 ---------------------------------------------
def mso_p(text, indent=True):
    style = " style='text-indent:32.0pt;mso-char-indent-count:2.0'" if indent else ""
    # Word puts ASCII runs in their own span and wraps its source at about 76 columns, inside tags.
    out, run = [], ""
    for ch in text:
        if ch.isascii() and ch not in "：，。":
            run += ch
        else:
            if run:
                out.append("<span\nlang=EN-US>" + run + "</span>")
                run = ""
            out.append(ch)
    if run:
        out.append("<span\nlang=EN-US>" + run + "</span>")
    return ("<p class=MsoNormal" + style + "><span style='font-size:16.0pt;font-family:仿宋_GB2312;\n"
            "mso-hansi-font-family:\"Times New Roman\"'>" + "".join(out) + "<o:p></o:p></span></p>\n")


c77_title = "县疾病预防控制中心关于县委巡察反馈问题整改进展情况的报告"
c77_body = [
    ("2026年1月15日", False),
    ("2025年9月，县委第一巡察组对我中心开展了巡察，共反馈问题3个。现将整改进展情况报告如下。", True),
    ("问题1：冷链设备温度监测记录不连续，部分时段无记录。", True),
    ("整改措施：为冷库加装自动温度监测报警装置，实行每日两次人工巡查登记。", True),
    ("责任科室：免疫规划科", True),
    ("整改时限：2026年3月31日", True),
    ("完成情况：正在推进，监测装置已完成招标。", True),
    ("问题2：预防接种门诊资料归档不规范。", True),
    ("整改措施：按年度整理接种登记资料，统一装订归档。", True),
    ("责任科室：免疫规划科", True),
    ("整改时限：2025年12月31日", True),
    ("完成情况：已完成", True),
    ("问题3：实验室生物安全培训覆盖不全。", True),
    ("整改措施：制定年度培训计划，对检验人员全员轮训并考核。", True),
    ("责任科室：检验科", True),
    ("整改时限：2026年6月30日前", True),
    ("完成情况：整改中，已培训12人。", True),
    ("县疾病预防控制中心", False),
    ("2026年1月15日", False),
]
c77 = ("""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>""" + c77_title + """</title>
<!--[if gte mso 9]><xml>
 <o:DocumentProperties>
  <o:Author>admin</o:Author>
  <o:Pages>2</o:Pages>
 </o:DocumentProperties>
</xml><![endif]--><!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Font Definitions */
 @font-face
	{font-family:宋体;
	panose-1:2 1 6 0 3 1 1 1 1 1;
	mso-font-charset:134;}
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	text-align:justify;
	font-size:10.5pt;
	font-family:等线;}
@page WordSection1
	{size:595.3pt 841.9pt;
	margin:72.0pt 90.0pt 72.0pt 90.0pt;}
div.WordSection1
	{page:WordSection1;}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

<p class=MsoNormal align=center style='text-align:center'><b><span
style='font-size:22.0pt;font-family:方正小标宋简体'>""" + c77_title + """<span
lang=EN-US><o:p></o:p></span></span></b></p>

<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>

""" + "".join(mso_p(t, i) for t, i in c77_body) + """
</div>

</body>

</html>
""")
write(CORPUS, "c77_word_web_page_as_doc_jkzx.doc", c77.encode("gb2312"))
gold(CORPUS, "c77_word_web_page_as_doc_jkzx.doc", [
    ("冷链设备温度监测记录不连续", True, "2026-03-31"),
    ("预防接种门诊资料归档不规范", False, None),
    ("实验室生物安全培训覆盖不全", True, "2026-06-30"),
], "2026-01-15")


# c78: a .docx renamed .doc -------------------------------------------------------------------------
import docx

c78_lines = """县卫生健康局关于县委巡察反馈意见整改进展情况的通报
2026年1月22日
根据县委统一部署，县委第四巡察组于2025年8月对我局开展了巡察，共反馈问题4个。截至目前，已完成整改2个，正在整改2个。
一、整改进展情况
1.党组会议议事规则执行不到位，“三重一大”事项会前酝酿不充分。
整改措施：修订党组会议议事规则，重大事项会前征求班子成员意见。
整改时限：2025年11月30日
整改进展：已完成
2.基层医疗机构绩效考核结果运用不够。
整改措施：将考核结果与绩效工资分配挂钩。
整改时限：2026年4月30日
整改进展：正在推进，考核办法已印发征求意见稿。
3.卫生监督执法案卷评查发现问题整改不及时。
整改措施：建立案卷评查问题清单，逐项销号。
整改时限：2025年12月31日
整改进展：已整改到位
4.家庭医生签约服务履约率偏低。
整改措施：开展签约居民回访，纳入乡镇卫生院考核。
整改时限：2026年6月30日
整改进展：整改中
县卫生健康局
2026年1月22日""".split("\n")
d = docx.Document()
for line in c78_lines:
    d.add_paragraph(line)
buf = io.BytesIO()
d.save(buf)
write(CORPUS, "c78_docx_renamed_doc_wjj.doc", buf.getvalue())
gold(CORPUS, "c78_docx_renamed_doc_wjj.doc", [
    ("党组会议议事规则执行不到位", False, None),
    ("基层医疗机构绩效考核结果运用不够", True, "2026-04-30"),
    ("卫生监督执法案卷评查发现问题整改不及时", False, None),
    ("家庭医生签约服务履约率偏低", True, "2026-06-30"),
], "2026-01-22")


# c79: OCR text from a scanned PDF ------------------------------------------------------------------
c79 = """县 人 民 医 院 关 于 巡 察 整 改 进 展 情 况 的 报 告

2O26年1月l2日

县委第三巡察组于2O25年9月l0日向我院反馈巡察意见,共反馈问题4个。现将整改进展
情况报告如下:

一、党的建设方面

1.党委理论学习中心组学习制度执行不严格,2O25年上半年集中
学习次数不足。
整 改 措 施 : 制定年度学习计划,每季度开展一次专题研讨。
整 改 时 限 : 2O25年l2月3l日
完成情况:已完成

2.基层党支部"三会一课"记录不规范,部分支部会议记录缺
失。
整改措施:逐一检查支部记录本,统一记录格式。
整改时隈:2026年3月3l日前
完成情况:正在推进

              第 1 页 共 2 页

二、业务管理方面

3.医疗废物交接登记不完整,部分科室未按规定填写重
量。
整 改 时 限 : 2026 年 6 月 30 日
完 成 情 况 : 整改中,已完成5个科室的培训(共l2个科室)

4.住院病历归档超时,2O25年三季度归档及时率仅为8O%。
整改措施:将病历归档纳入科室绩效考核。
整改时限:2O25年l1月30日
完成情况:已整改到位

县人民医院
2O26年1月l2日

              第 2 页 共 2 页
"""
write(CORPUS, "c79_ocr_scanned_pdf_rmyy.txt", c79.encode("utf-8"))
gold(CORPUS, "c79_ocr_scanned_pdf_rmyy.txt", [
    ("党委理论学习中心组学习制度执行不严格", False, None),
    ("基层党支部\"三会一课\"记录不规范", True, "2026-03-31"),
    ("医疗废物交接登记不完整", True, "2026-06-30"),
    ("住院病历归档超时", False, None),
], "2026-01-12")


# c80: traditional characters mixed in --------------------------------------------------------------
c80 = """縣中醫院關於巡察反饋意見整改進展情況的通報

2026年1月18日

2025年10月，縣委第二巡察組向我院反饋了巡察意見，共反饋問題4個。截至目前，已完成整改2個，正在整改2個。現將整改進展情況通報如下。

一、問題整改情況

（一）藥品採購管理不規範，部分藥品未經藥事委員會審議。
整改措施：修訂藥品採購管理辦法，新增品種一律提交藥事委員會審議。
責任科室：藥劑科
整改時限：2025年12月31日
整改進展：已完成

（二）中医特色专科建设进度滞后。
整改措施：制定专科建设三年规划，引进针灸推拿专业人才2名。
责任科室：医务科
整改時限：2026年6月30日前
整改進展：正在推進，已引進人才1名。

（三）醫保基金使用存在超標準收費問題。
整改措施：對2025年收費項目全面自查，退還多收費用。
責任科室：醫保辦
整改時限：2025年11月30日
整改進展：已整改到位

（四）院內感染防控培訓覆蓋面不足。
整改措施：分批次開展全員培訓並考核。
責任科室：院感科
整改時限：2026年3月31日
整改進展：整改中

縣中醫院
2026年1月18日
"""
write(CORPUS, "c80_traditional_mixed_zyy.txt", c80.encode("utf-8"))
gold(CORPUS, "c80_traditional_mixed_zyy.txt", [
    ("藥品採購管理不規範", False, None),
    ("中医特色专科建设进度滞后", True, "2026-06-30"),
    ("醫保基金使用存在超標準收費問題", False, None),
    ("院內感染防控培訓覆蓋面不足", True, "2026-03-31"),
], "2026-01-18")


# c81: full-width ASCII digits and letters throughout -----------------------------------------------
def fw(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" and c not in "" else c for c in s)


c81 = fw("""县妇幼保健院关于巡察反馈问题整改进展情况的报告

2026年1月20日

2025年9月，县委第五巡察组对我院开展了巡察，反馈问题4个，已完成整改2个，正在整改2个。

问题1：HIS系统与妇幼信息系统数据不互通，孕产妇档案重复录入。
整改措施：完成HIS系统接口改造，实现数据自动同步。
整改时限：2026年5月31日
完成情况：正在推进，接口开发完成60%。

问题2：儿童保健门诊PDCA质量管理未落实。
整改措施：每季度开展一次PDCA循环分析并形成报告。
整改时限：2025年12月31日
完成情况：已完成

问题3：B超室设备维护保养记录不全。
整改措施：建立设备维护保养台账，专人负责登记。
整改时限：2025年11月30日
完成情况：已完成

问题4：新生儿疾病筛查阳性病例随访不及时。
整改措施：明确随访流程和时限，每月通报随访率。
整改时限：2026年3月31日前
完成情况：整改中

县妇幼保健院
2026年1月20日
""")
write(CORPUS, "c81_fullwidth_ascii_fybjy.txt", c81.encode("utf-8"))
gold(CORPUS, "c81_fullwidth_ascii_fybjy.txt", [
    ("HIS系统与妇幼信息系统数据不互通", True, "2026-05-31"),
    ("儿童保健门诊PDCA质量管理未落实", False, None),
    ("B超室设备维护保养记录不全", False, None),
    ("新生儿疾病筛查阳性病例随访不及时", True, "2026-03-31"),
], "2026-01-20")


# l49: an OA system's .xls that is an HTML table -----------------------------------------------------
l49 = """<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="application/vnd.ms-excel; charset=UTF-8">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>整改台账</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
<style>td{mso-number-format:"\\@";border:.5pt solid windowtext;}</style>
</head>
<body>
<table border="1" cellspacing="0">
<tr><td colspan="7" style="font-size:18pt;font-weight:bold;text-align:center">县卫生健康局巡察反馈问题整改台账</td></tr>
<tr><td colspan="7">填报单位：县卫生健康局办公室　　　填报日期：2026-01-10</td></tr>
<tr><th>序号</th><th>问题类别</th><th>反馈问题</th><th>整改措施</th><th>责任科室</th><th>整改时限</th><th>办理状态</th></tr>
<tr><td>1</td><td rowspan="2">党的建设</td><td>党组理论学习中心组学习不够深入</td><td>制定年度学习计划，开展专题研讨</td><td>办公室</td><td>2025-12-31</td><td>已办结</td></tr>
<tr><td>2</td><td>基层党组织“三会一课”落实不到位</td><td>开展专项检查，建立通报制度</td><td>机关党委</td><td>2026-03-31</td><td>办理中</td></tr>
<tr><td>3</td><td rowspan="2">业务工作</td><td>医疗机构依法执业监管存在薄弱环节</td><td>开展依法执业专项检查</td><td>医政股</td><td>2026-06-30</td><td>办理中</td></tr>
<tr><td>4</td><td>公共卫生项目资金拨付进度慢</td><td>按季度拨付并通报进度</td><td>财务股</td><td>2025-11-30</td><td>已办结</td></tr>
</table>
</body>
</html>
"""
write(LEDGERS, "l49_oa_html_table_as_xls_wjj.xls", l49.encode("utf-8"))
gold(LEDGERS, "l49_oa_html_table_as_xls_wjj.xls", [
    ("党组理论学习中心组学习不够深入", False, None),
    ("基层党组织“三会一课”落实不到位", True, "2026-03-31"),
    ("医疗机构依法执业监管存在薄弱环节", True, "2026-06-30"),
    ("公共卫生项目资金拨付进度慢", False, None),
], "2026-01-10")


# l50: XML Spreadsheet 2003 -------------------------------------------------------------------------
def cell(value, kind="String", extra=""):
    return '<Cell%s><Data ss:Type="%s">%s</Data></Cell>' % (extra, kind, value)


rows = [
    '<Row>' + cell("县疾控中心巡察整改工作台账", extra=' ss:MergeAcross="6" ss:StyleID="sTitle"') + '</Row>',
    '<Row>' + "".join(cell(h, extra=' ss:StyleID="sHead"') for h in
                      ["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况"]) + '</Row>',
    '<Row>' + cell("1", "Number") + cell("疫苗出入库登记不规范", extra=' ss:MergeDown="1"')
    + cell("更换疫苗管理信息系统") + cell("张伟", extra=' ss:MergeDown="1"') + cell("免疫规划科", extra=' ss:MergeDown="1"')
    + cell("2025-12-15T00:00:00.000", "DateTime", ' ss:StyleID="sDate"') + cell("已完成") + '</Row>',
    '<Row>' + cell("开展出入库账目月度核对", extra=' ss:Index="3"')
    + cell("2026-06-30T00:00:00.000", "DateTime", ' ss:Index="6" ss:StyleID="sDate"') + cell("正在推进") + '</Row>',
    '<Row>' + cell("2", "Number") + cell("传染病疫情报告审核不及时") + cell("实行每日专人审核")
    + cell("李娜") + cell("传染病防制科") + cell("2025-10-31T00:00:00.000", "DateTime", ' ss:StyleID="sDate"')
    + cell("已完成") + '</Row>',
    '<Row>' + cell("3", "Number") + cell("健康教育材料发放记录缺失") + cell("建立发放登记台账")
    + cell("王强") + cell("健康教育科") + cell("2026-03-31T00:00:00.000", "DateTime", ' ss:StyleID="sDate"')
    + cell("整改中") + '</Row>',
    '<Row>' + cell("4", "Number") + cell("车辆维修费用审批手续不全") + cell("补齐审批手续，修订车辆管理制度")
    + cell("王强") + cell("办公室") + cell("2025-11-30T00:00:00.000", "DateTime", ' ss:StyleID="sDate"')
    + cell("已整改到位") + '</Row>',
]
l50 = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">
  <Author>OA</Author>
  <Created>2026-01-08T09:12:00Z</Created>
 </DocumentProperties>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/><Font ss:FontName="宋体" x:CharSet="134" ss:Size="11"/></Style>
  <Style ss:ID="sTitle"><Font ss:FontName="宋体" x:CharSet="134" ss:Size="16" ss:Bold="1"/></Style>
  <Style ss:ID="sHead"><Font ss:FontName="宋体" x:CharSet="134" ss:Bold="1"/></Style>
  <Style ss:ID="sDate"><NumberFormat ss:Format="yyyy/m/d"/></Style>
 </Styles>
 <Worksheet ss:Name="整改台账">
  <Table ss:ExpandedColumnCount="7" ss:ExpandedRowCount="%d" x:FullColumns="1" x:FullRows="1" ss:DefaultColumnWidth="54" ss:DefaultRowHeight="14.25">
   <Column ss:Width="36"/>
   <Column ss:Width="180"/>
   %s
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/><ProtectObjects>False</ProtectObjects></WorksheetOptions>
 </Worksheet>
</Workbook>
""" % (len(rows), "\n   ".join(rows))
write(LEDGERS, "l50_xml_spreadsheet_2003_jkzx.xls", l50.encode("utf-8"))
gold(LEDGERS, "l50_xml_spreadsheet_2003_jkzx.xls", [
    ("疫苗出入库登记不规范", True, "2026-06-30"),
    ("传染病疫情报告审核不及时", False, None),
    ("健康教育材料发放记录缺失", True, "2026-03-31"),
    ("车辆维修费用审批手续不全", False, None),
])


# l51: an .xlsx renamed .xls ------------------------------------------------------------------------
import openpyxl
from datetime import date

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["县乡镇卫生院巡察整改台账"])
ws.merge_cells("A1:F1")
ws.append(["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改状态"])
for r in [
    (1, "基本公共卫生服务档案真实性不高", "逐户核实档案信息", "赵敏", date(2026, 4, 30), "正在整改"),
    (2, "药品效期管理不到位", "建立近效期药品预警台账", "孙丽", date(2025, 12, 31), "已完成"),
    (3, "财务票据报销审核不严", "实行报销双人审核", "周涛", date(2026, 2, 28), "推进中"),
]:
    ws.append(list(r))
    ws.cell(ws.max_row, 5).number_format = "yyyy/m/d"
buf = io.BytesIO()
wb.save(buf)
write(LEDGERS, "l51_xlsx_renamed_xls_wsy.xls", buf.getvalue())
gold(LEDGERS, "l51_xlsx_renamed_xls_wsy.xls", [
    ("基本公共卫生服务档案真实性不高", True, "2026-04-30"),
    ("药品效期管理不到位", False, None),
    ("财务票据报销审核不严", True, "2026-02-28"),
])
