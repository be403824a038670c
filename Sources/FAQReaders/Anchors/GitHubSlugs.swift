/// GitHub's heading ids, as github-slugger (the reference implementation GitHub's own
/// output is tested against) makes them: lowercase; remove every character that is
/// punctuation, a symbol, a control, a separator or an "other number" — except `-`, `_`
/// (connector punctuation) and the space; letters of every script, marks and digits stay;
/// each space becomes `-` (repeated dashes are not collapsed, nothing is trimmed). A repeat
/// gets `-1`, `-2`…, skipping any id already handed out.
struct GitHubSlugs: PlatformIDRule {
    private var occurrences: [String: Int] = [:]

    var honoursAttributeBlocks: Bool { false }

    mutating func next(_ heading: HeadingText) -> String {
        let original = slug(heading)
        var result = original
        while occurrences[result] != nil {
            occurrences[original, default: 0] += 1
            result = "\(original)-\(occurrences[original]!)"
        }
        occurrences[result] = 0
        return result
    }

    mutating func reserve(_ id: String) {}

    func slug(_ heading: HeadingText) -> String {
        // An HTML page's text content: images count for nothing, a line break is a newline.
        Self.slug(heading.rendered(imageAlt: false, lineBreak: "\n"))
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().unicodeScalars where keeps(scalar) {
            out.unicodeScalars.append(scalar == " " ? "-" : scalar)
        }
        return out
    }

    private static func keeps(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39) || v == 0x2D || v == 0x5F || v == 0x20
                || (v >= 0x41 && v <= 0x5A)
        }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber,
            .connectorPunctuation, .surrogate:
            return true
        case .otherNumber, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
            .spaceSeparator, .lineSeparator, .paragraphSeparator, .control, .format, .privateUse, .unassigned:
            return false
        @unknown default:
            return false
        }
    }
}
