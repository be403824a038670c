import Foundation

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

    /// Classifies what a browser would see: every character `XHTMLWriter` drops (C0 and C1
    /// controls, DEL, U+FFFE/U+FFFF) and all white space are removed first — otherwise
    /// `java\u{85}script:` would pass as a relative link and be written as `javascript:`.
    static func classify(_ url: String) -> Kind {
        // Every link is classified two or three times (bench/NOTES.md): a printable-ASCII
        // URL, the usual kind, is classified on its bytes.
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
    /// Works on the contiguous bytes: links are classified on every page they appear on.
    private static func classifyPrintableASCII(_ url: String) -> Kind? {
        var url = url
        return url.withUTF8 { bytes -> Kind? in
            guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
            var length = 0  // of a candidate scheme
            for byte in bytes {
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
                    return isSafeScheme(UnsafeBufferPointer(rebasing: bytes[..<length])) ? .remote : .forbidden
                default:
                    break
                }
                break  // no scheme
            }
            if bytes.starts(with: "//".utf8) { return .remote }
            if bytes.first == UInt8(ascii: "#") { return .fragment(String(decoding: bytes.dropFirst(), as: UTF8.self)) }
            return .relative
        }
    }

    private static let safeSchemeBytes: [[UInt8]] = safeSchemes.map { Array($0.utf8) }

    /// Whether an ASCII scheme is in `safeSchemes`, ignoring case (`| 0x20` lowercases
    /// letters and leaves digits, `+`, `.` and `-` as they are).
    private static func isSafeScheme(_ scheme: UnsafeBufferPointer<UInt8>) -> Bool {
        safeSchemeBytes.contains { safe in
            safe.count == scheme.count && zip(safe, scheme).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// The scheme, lowercased (RFC 3986: a letter, then letters, digits, `+`, `.`, `-`,
    /// up to the first `:`); nil when the URL has none (a relative reference).
    static func scheme(of url: String) -> String? {
        schemeLength(url).map { String(decoding: url.utf8.prefix($0), as: UTF8.self).lowercased() }
    }

    /// The length in bytes of the URL's scheme, without its `:`.
    static func schemeLength(_ url: String) -> Int? {
        var length = 0
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                length += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "-"):
                guard length > 0 else { return nil }
                length += 1
            case UInt8(ascii: ":"):
                return length > 0 ? length : nil
            default:
                return nil
            }
        }
        return nil
    }

    /// The URL as a valid `href` (epubcheck RSC-020): spaces, controls and the characters
    /// URLs may not hold (`"<>\^`{|}`) are percent-encoded, and so are `[` `]` outside the
    /// host (where an IPv6 address may use them) and every `#` after the first (a SPA's
    /// `#/docs#install`); a `%` that starts no `%XX` escape becomes `%25`. Non-ASCII stays
    /// (an IRI is a valid href). One byte scan; a URL that needs nothing is returned as is.
    static func wellFormed(_ url: String) -> String {
        var url = url
        let encoded = url.withUTF8 { bytes -> String? in
            func isHex(_ b: UInt8) -> Bool {
                (0x30...0x39).contains(b) || (0x41...0x46).contains(b) || (0x61...0x66).contains(b)
            }
            let firstHash = bytes.firstIndex(of: UInt8(ascii: "#"))
            let host = authority(bytes)
            func needsEncoding(_ i: Int) -> Bool {
                let b = bytes[i]
                switch b {
                case 0x00...0x20, 0x7F, UInt8(ascii: "\""), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\\"),
                    UInt8(ascii: "^"), UInt8(ascii: "`"), UInt8(ascii: "{"), UInt8(ascii: "|"), UInt8(ascii: "}"):
                    return true
                case UInt8(ascii: "%"):
                    return !(i + 2 < bytes.count && isHex(bytes[i + 1]) && isHex(bytes[i + 2]))
                case UInt8(ascii: "["), UInt8(ascii: "]"):
                    return !host.contains(i)
                case UInt8(ascii: "#"):
                    return i != firstHash
                default:
                    return false
                }
            }
            guard bytes.indices.contains(where: needsEncoding) else { return nil }
            let hex = Array("0123456789ABCDEF".utf8)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 8)
            for i in bytes.indices {
                if needsEncoding(i) {
                    out += [UInt8(ascii: "%"), hex[Int(bytes[i] >> 4)], hex[Int(bytes[i] & 0xF)]]
                } else {
                    out.append(bytes[i])
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return encoded ?? url
    }

    /// The byte range of the authority (`user@host:port`) of `scheme://…` or `//…`; empty
    /// when there is none.
    private static func authority(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var i = 0
        while i < bytes.count, bytes[i] != UInt8(ascii: ":"), bytes[i] != UInt8(ascii: "/"),
              bytes[i] != UInt8(ascii: "?"), bytes[i] != UInt8(ascii: "#") { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: ":"), i > 0 { i += 1 } else { i = 0 }
        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "/"), bytes[i + 1] == UInt8(ascii: "/") else { return 0..<0 }
        let start = i + 2
        var end = start
        while end < bytes.count, bytes[end] != UInt8(ascii: "/"), bytes[end] != UInt8(ascii: "?"), bytes[end] != UInt8(ascii: "#") { end += 1 }
        return start..<end
    }

    /// Whether a remote URL names something to follow: `mailto:` and `tel:` need an
    /// address; `http`, `https`, `ftp` and `//…` need `//` and a host a URL parser accepts
    /// (`URLAuthority`). Anything else (`https:`, `//`, `https:/path`, `http://[::1`) is no
    /// link to epubcheck (RSC-020, RSC-023), so it is written as text.
    static func hasTarget(_ url: String) -> Bool {
        guard classify(url) == .remote else { return true }
        var text = Substring(url)
        // The scheme is compared, not built: this runs for every link.
        if let length = schemeLength(url) {
            let scheme = url.utf8.prefix(length)
            text = text.dropFirst(length + 1)
            func named(_ name: StaticString) -> Bool {
                scheme.count == name.utf8CodeUnitCount && zip(scheme, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)).allSatisfy { ($0 | 0x20) == $1 }
            }
            if named("mailto") || named("tel") { return text.contains { !$0.isWhitespace } }
        }
        guard text.hasPrefix("//") else { return false }
        // A backslash does not end the authority here: `wellFormed` would encode it into the host.
        let authority = text.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return URLAuthority.isValid(authority)
    }

    /// True for URLs that must never reach an `href`.
    static func isForbidden(_ url: String) -> Bool { classify(url) == .forbidden }

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
