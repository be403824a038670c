/// What becomes of a URL from the input. Executable URLs never survive: `javascript:`,
/// `vbscript:` and `data:` (checked case-insensitively after removing whitespace and ASCII
/// control characters, which browsers also ignore inside a scheme) always become plain text.
/// Of the other schemes only a few harmless ones are kept (`http`, `https`, `mailto`, `ftp`,
/// `tel`); unknown schemes become text too (an allowlist, so a new trick cannot slip through).
enum LinkPolicy {
    static let safeSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel"]
    static let executableSchemes: Set<String> = ["javascript", "vbscript", "data"]

    enum Kind: Equatable {
        /// `javascript:`, `vbscript:`, `data:`, or a scheme not on the allowlist.
        case forbidden
        /// `http:`, `https:`, `mailto:`, `ftp:`, `tel:`, or a protocol-relative `//host/…`.
        case remote
        /// `#id` inside the same document.
        case fragment(String)
        /// A relative reference (`../guide/`, `/x.html`, `x.png`).
        case relative
    }

    /// Classifies what a browser would see: every character the serializer drops (C0 and C1
    /// controls, DEL, U+FFFE/U+FFFF) and all white space are removed first — otherwise
    /// `java\u{85}script:` would pass as a relative link and be written as `javascript:`.
    static func classify(_ url: String) -> Kind {
        let compact = url.unicodeScalars.filter { scalar in
            let v = scalar.value
            return v > 0x20 && v != 0x7F && !(0x80...0x9F).contains(v) && v != 0xFFFE && v != 0xFFFF
                && !scalar.properties.isWhitespace
        }
        let text = String(String.UnicodeScalarView(compact))
        if let scheme = scheme(of: text) {
            return safeSchemes.contains(scheme) ? .remote : .forbidden
        }
        if text.hasPrefix("//") { return .remote }
        if text.hasPrefix("#") { return .fragment(String(text.dropFirst())) }
        return .relative
    }

    /// The lowercased scheme (`[A-Za-z][A-Za-z0-9+.-]*:`), or nil for a relative reference.
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for (i, c) in url.unicodeScalars.enumerated() {
            switch c {
            case "a"..."z", "A"..."Z": scheme.unicodeScalars.append(c)
            case "0"..."9", "+", ".", "-":
                if i == 0 { return nil }
                scheme.unicodeScalars.append(c)
            case ":": return i == 0 ? nil : scheme.lowercased()
            default: return nil
            }
        }
        return nil
    }

    /// True for URLs that must never reach an `href`.
    static func isForbidden(_ url: String) -> Bool { classify(url) == .forbidden }

    /// The default rewriting of `XHTMLContent`: executable and unknown schemes become text,
    /// everything else is kept as written.
    static func keepSafe(_ url: String) -> String? { isForbidden(url) ? nil : url }

    /// Resolves a relative reference against an absolute `http(s)` base (the permalink),
    /// nil when there is no such base.
    static func resolve(_ relative: String, against base: String?) -> String? {
        guard let base, let baseScheme = scheme(of: base), baseScheme == "http" || baseScheme == "https",
              let baseURL = URL(string: base), let url = URL(string: relative, relativeTo: baseURL)
        else { return nil }
        let absolute = url.absoluteString
        return classify(absolute) == .remote ? absolute : nil
    }
}

import Foundation
