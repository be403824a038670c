/// Pandoc's `auto_identifiers`: the heading's text (`stringify`: code and image alt text
/// included, footnotes out, after the `smart` extension turned `--`, `---` and `...` into
/// dashes and an ellipsis), lowercased; every character that is not a letter, number,
/// space, `_`, `-` or `.` removed; runs of white space become one `-`; everything before
/// the first letter removed; `section` when nothing is left. A repeat gets `-1`, `-2`…,
/// skipping every id already taken, the author's `{#id}`s too.
struct PandocIDs: PlatformIDRule {
    private var ids = SuffixedIDs()

    var honoursAttributeBlocks: Bool { true }

    mutating func next(_ heading: HeadingText) -> String { ids.unique(slug(heading)) }

    mutating func reserve(_ id: String) { ids.reserve(id) }

    func slug(_ heading: HeadingText) -> String {
        let slug = Self.slug(heading.rendered(imageAlt: true, lineBreak: " ", typography: .pandoc))
        return slug.isEmpty ? "section" : slug
    }

    static func slug(_ text: String) -> String {
        var words: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                if !word.isEmpty { words.append(word); word = "" }
            } else if scalar == "_" || scalar == "-" || scalar == "." || isAlphaNum(scalar) {
                word.unicodeScalars.append(scalar)
            }
        }
        if !word.isEmpty { words.append(word) }
        let joined = words.joined(separator: "-")
        guard let first = joined.unicodeScalars.firstIndex(where: isLetter) else { return "" }
        return String(joined.unicodeScalars[first...])
    }

    /// Haskell's `isAlphaNum`: letters and numbers of every kind.
    private static func isAlphaNum(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
}
