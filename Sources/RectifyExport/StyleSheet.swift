/// The workbook's styles: fonts, the four state fills, thin borders and the date formats.
/// `Style` names the `cellXfs` index each kind of cell uses.
enum StyleSheet {
    enum Style: Int {
        case plain = 0, title, subtitle, header, text, centered, day, month, year
        case red, yellow, green, grey, note
    }

    static func fill(_ shade: LedgerShade) -> Style {
        switch shade {
        case .red: return .red
        case .yellow: return .yellow
        case .green: return .green
        case .grey: return .grey
        }
    }

    static let xml: String = {
        let cell = "applyBorder=\"1\" applyAlignment=\"1\""
        let wrap = "<alignment vertical=\"center\" wrapText=\"1\"/>"
        let centre = "<alignment horizontal=\"center\" vertical=\"center\" wrapText=\"1\"/>"
        var x = WorkbookWriter.header + "<styleSheet xmlns=\"\(WorkbookWriter.mainNS)\">"
        x += "<numFmts count=\"3\">"
        x += "<numFmt numFmtId=\"164\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
        x += "<numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/>"
        x += "<numFmt numFmtId=\"166\" formatCode=\"yyyy&quot;年&quot;\"/></numFmts>"
        x += "<fonts count=\"3\">"
        x += "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        x += "<font><b/><sz val=\"16\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        x += "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font></fonts>"
        x += "<fills count=\"7\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for colour in ["FFD9E1F2", "FFFFC7CE", "FFFFEB9C", "FFC6EFCE", "FFD9D9D9"] {
            x += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\(colour)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        x += "</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        x += "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        x += "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        x += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        var xfs: [String] = []
        xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
        xfs.append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyAlignment=\"1\">\(centre)</xf>")
        xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"center\"/></xf>")
        xfs.append("<xf numFmtId=\"0\" fontId=\"2\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" \(cell)>\(centre)</xf>")
        xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" \(cell)>\(wrap)</xf>")
        xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" \(cell)>\(centre)</xf>")
        // Dates never wrap: a date broken over two lines is misread.
        for format in [164, 165, 166] {
            xfs.append(
                "<xf numFmtId=\"\(format)\" fontId=\"0\" fillId=\"0\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" \(cell)><alignment horizontal=\"center\" vertical=\"center\" shrinkToFit=\"1\"/></xf>")
        }
        for fill in 3...6 {
            xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"\(fill)\" borderId=\"1\" xfId=\"0\" applyFill=\"1\" \(cell)>\(centre)</xf>")
        }
        xfs.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">\(wrap)</xf>")
        x += "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
        x += "<cellStyles count=\"1\"><cellStyle name=\"常规\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return x + "</styleSheet>"
    }()
}
