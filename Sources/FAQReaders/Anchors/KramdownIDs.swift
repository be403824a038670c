/// kramdown's heading ids as Jekyll makes them: Jekyll runs kramdown with its GFM parser
/// (`input: GFM` is Jekyll's default), whose `generate_gfm_header_id` takes the heading's
/// text (code included, after kramdown's typographic symbols: `--`, `---`, `...`, `<<`,
/// `>>` are gone), lowercases it, removes every character that is not a letter, mark,
/// number, `_`, `-`, space or tab, and turns each space or tab into `-`. A repeat of the
/// same slug gets `-1`, `-2`… counted per slug (a heading whose slug is already some
/// other heading's suffixed id is not looked for). A heading whose slug is empty gets no id.
struct KramdownIDs: PlatformIDRule {
    private var counters: [String: Int] = [:]

    var honoursAttributeBlocks: Bool { true }

    mutating func next(_ heading: HeadingText) -> String {
        let base = slug(heading)
        let n = counters[base].map { $0 + 1 } ?? 0
        counters[base] = n
        return n > 0 ? "\(base)-\(n)" : base
    }

    mutating func reserve(_ id: String) {}

    func slug(_ heading: HeadingText) -> String {
        Self.slug(heading.rendered(imageAlt: false, lineBreak: "\n", typography: .kramdown))
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar == " " || scalar == "\t" {
                out.unicodeScalars.append("-")
            } else if scalar == "-" || isWord(scalar) {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Ruby's `\p{Word}`: letters, marks, numbers and connector punctuation.
    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || v == 0x5F
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
