/// Stable ids from text: lowercase letters and digits joined by `-`; a repeat gets `-2`, `-3`…
/// One slugger per document, so ids are unique across sections and entries. Linear time.
struct Slugger {
    private var used: Set<String> = []
    private var nextSuffix: [String: Int] = [:]

    mutating func slug(for text: String, fallback: String = "q") -> String {
        var base = Self.slugify(text)
        if base.isEmpty { base = fallback }
        var candidate = base
        if used.contains(candidate) {
            var n = nextSuffix[base] ?? 2
            repeat {
                candidate = "\(base)-\(n)"
                n += 1
            } while used.contains(candidate)
            nextSuffix[base] = n
        }
        used.insert(candidate)
        return candidate
    }

    /// Letters and digits of any script are kept (lowercased); every other run becomes one `-`.
    /// An id must start with a letter to be a valid XML name, so a leading digit gets `q-`.
    static func slugify(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        var length = 0
        for scalar in text.lowercased().unicodeScalars {
            let keep: Bool
            if scalar.isASCII {
                // Most questions are ASCII: no Unicode property lookups for them.
                let v = scalar.value
                keep = (v >= 0x61 && v <= 0x7A) || (v >= 0x30 && v <= 0x39)
                if !keep {
                    pendingDash = true
                    continue
                }
            } else {
                let p = scalar.properties
                keep = p.isAlphabetic
                if !keep && (p.isDiacritic || p.generalCategory == .nonspacingMark) { continue }
            }
            if keep {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
                length += 1
            } else {
                pendingDash = true
            }
            if length >= 80 { break }
        }
        if let first = out.unicodeScalars.first, first.properties.numericType != nil { out = "q-" + out }
        return out
    }
}
