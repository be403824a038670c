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
        // Every link is classified two or three times (a third of the xhtml output's time
        // went here): a printable-ASCII URL, the usual kind, is classified on its bytes.
        if let kind = classifyPrintableASCII(url) { return kind }
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

    /// `classify` for a URL of printable ASCII only (nothing to remove, and one byte is one
    /// Character, so byte tests mean what the `String` tests mean); nil for any other URL.
    private static func classifyPrintableASCII(_ url: String) -> Kind? {
        let utf8 = url.utf8
        guard utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        var length = 0  // of a candidate scheme
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                length += 1
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                if length > 0 {
                    length += 1
                    continue
                }
            case UInt8(ascii: ":") where length > 0:
                let scheme = utf8.prefix(length)
                let safe = safeSchemes.contains { $0.utf8.elementsEqual(scheme.lazy.map { $0 | 0x20 }) }
                return safe ? .remote : .forbidden
            default:
                break
            }
            break  // no scheme
        }
        if utf8.starts(with: "//".utf8) { return .remote }
        if utf8.first == UInt8(ascii: "#") { return .fragment(String(url.dropFirst())) }
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
