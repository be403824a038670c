/// Goldmark's heading ids as Hugo makes them (`autoHeadingIDType: github`, Hugo's default):
/// from the heading's Markdown source (its last line, the attribute block removed),
/// trimmed, each space or `-` becomes `-`, letters, decimal digits and `_` are kept
/// lowercased, everything else is dropped (a tab too); `heading` when nothing is left. A
/// repeat gets `-1`, `-2`…, skipping every id already taken, the author's `{#id}`s too.
struct GoldmarkIDs: PlatformIDRule {
    private var ids = SuffixedIDs()

    var honoursAttributeBlocks: Bool { true }

    mutating func next(_ heading: HeadingText) -> String { ids.unique(slug(heading)) }

    mutating func reserve(_ id: String) { ids.reserve(id) }

    func slug(_ heading: HeadingText) -> String {
        let slug = Self.slug(heading.source ?? heading.rendered(imageAlt: false, lineBreak: " "))
        return slug.isEmpty ? "heading" : slug
    }

    static func slug(_ text: String) -> String {
        var out = ""
        for scalar in text.trimmingWhitespace().unicodeScalars {
            if scalar == " " || scalar == "-" {
                out.unicodeScalars.append("-")
            } else if scalar == "_" || isLetterOrDigit(scalar) {
                // Go's unicode.ToLower maps one rune to one rune.
                out.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            }
        }
        return out
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: return true
        default: return false
        }
    }
}
