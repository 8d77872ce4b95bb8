"""What the corpus generators (make_*.py beside this file) share: the gold file every
document gets, writing a file, wrapped openpyxl cells, and Word XML written by hand (runs,
paragraphs, text boxes, footnote references, a package around a body).

The generators run as scripts; Python puts this folder on the path, so they `import fixtures`.
"""
import json, os, zipfile


def gold(out, name, items, report_date=None, stated=None):
    """The gold annotation of `name` in `out`: items are (snippet, open, deadline 'YYYY-MM-DD' or
    None); a done item has no deadline."""
    doc = {"file": name, "report_date": report_date, "stated": stated or {},
           "items": [{"snippet": s, "open": o, "deadline": d if o else None, "required": True} for s, o, d in items]}
    with open(os.path.join(out, os.path.splitext(name)[0] + ".gold.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)
        f.write("\n")


def write(out, name, data, encoding="utf-8", newline="\n"):
    """Writes text (in `encoding`, line breaks as `newline`) or bytes to `out/name`."""
    if isinstance(data, str):
        data = data.replace("\n", newline).encode(encoding)
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def wrap(ws):
    """Every cell of an openpyxl sheet wrapped and centred vertically, as offices format ledgers."""
    from openpyxl.styles import Alignment
    for row in ws.iter_rows():
        for c in row:
            c.alignment = Alignment(wrap_text=True, vertical="center")


# Word XML by hand, for what python-docx does not write.

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


def para(*runs, num=None, style=None, ppr=""):
    """A paragraph of runs (text or XML); `num` = (numId, level), `style` a paragraph style, or
    `ppr` the paragraph properties as XML."""
    if num is not None or style:
        ppr = (f'<w:pStyle w:val="{style}"/>' if style else "") + \
              (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "")
    body = "".join(r if r.startswith("<") else run(r) for r in runs)
    return f"<w:p>{'<w:pPr>' + ppr + '</w:pPr>' if ppr else ''}{body}</w:p>"


def footnote_ref(n):
    return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{n}"/></w:r>'


def textbox(paragraphs, x=2743200, cx=2743200, cy=685800, wrap="wrapNone"):
    """A floating text box as Word 2010+ writes it: the DrawingML shape in mc:Choice and the
    same text again as VML in mc:Fallback (for older readers). Sizes in EMU (12,700 a point)."""
    inner = "".join(para(p) for p in paragraphs)
    pt = lambda emu: f"{emu // 12700}pt" if emu else "0"
    return ('<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
            '<wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="251659264" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
            '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:{wrap}/>'
            '<wp:docPr id="1" name="文本框 1"/><wp:cNvGraphicFramePr/>'
            '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
            f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            f'<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp>'
            '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
            '<mc:Fallback><w:pict><v:shape id="文本框 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
            f'style="position:absolute;margin-left:{pt(x)};margin-top:0;width:{pt(cx)};height:{pt(cy)};z-index:251659264">'
            f'<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>'
            '</mc:AlternateContent></w:r>')


def word_package(path, body_xml, extra_parts=None, rels=(), types=(), sect=""):
    """A .docx at `path` whose body is `body_xml` (then `sect`, the section properties), with
    extra parts, their relationships (id, kind, target) and content types (part, kind)."""
    from docx import Document
    Document().save(path)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/document.xml"] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                                  f'<w:document {NS}><w:body>{body_xml}{sect}</w:body></w:document>').encode("utf-8")
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
