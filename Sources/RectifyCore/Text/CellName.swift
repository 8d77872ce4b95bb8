/// Spreadsheet cell names: column letters and "B12" references.
public enum CellName {
    /// 0 → "A", 25 → "Z", 26 → "AA".
    public static func column(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    /// "B12" → (row 11, column 1); "B" → (nil, 1). Nil for anything else.
    public static func parse(_ reference: String) -> (row: Int?, column: Int)? {
        var column = 0
        var row = 0
        var letters = 0, digits = 0
        for byte in reference.utf8 {
            switch byte {
            case 65...90 where digits == 0:
                column = column * 26 + Int(byte - 64)
                letters += 1
            case 97...122 where digits == 0:
                column = column * 26 + Int(byte - 96)
                letters += 1
            case 48...57 where letters > 0:
                row = row * 10 + Int(byte - 48)
                digits += 1
            case 36: continue  // "$B$12"
            default: return nil
            }
        }
        guard letters > 0, letters <= 3 else { return nil }
        if digits == 0 { return (nil, column - 1) }
        guard row > 0 else { return nil }
        return (row - 1, column - 1)
    }
}
