/// kramdown's own parser's heading ids (`basic_generate_id` + `generate_id`): from the
/// heading's Markdown source, every character up to the first ASCII letter is removed,
/// then every character that is not an ASCII letter, digit, space or `-`; spaces become
/// `-`; the result is lowercased, and `section` when nothing is left. A repeat of the same
/// slug gets `-1`, `-2`… counted per slug.
struct KramdownClassicIDs: PlatformIDRule {
    private var counters: [String: Int] = [:]

    var honoursAttributeBlocks: Bool { true }

    mutating func next(_ heading: HeadingText) -> String {
        let base = slug(heading)
        if let n = counters[base] {
            counters[base] = n + 1
            return "\(base)-\(n + 1)"
        }
        counters[base] = 0
        return base
    }

    mutating func reserve(_ id: String) {}

    func slug(_ heading: HeadingText) -> String {
        Self.slug(heading.source ?? heading.rendered(imageAlt: false, lineBreak: " "))
    }

    static func slug(_ text: String) -> String {
        var out = ""
        var started = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let letter = (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
            if !started {
                guard letter else { continue }
                started = true
            }
            if letter || (v >= 0x30 && v <= 0x39) || v == 0x2D {
                out.unicodeScalars.append(scalar)
            } else if v == 0x20 {
                out.unicodeScalars.append("-")
            }
        }
        return out.isEmpty ? "section" : out.lowercased()
    }
}
