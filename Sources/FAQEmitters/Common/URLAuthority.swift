/// Whether the authority of a web URL, `[user@]host[:port]`, is one a URL parser accepts
/// (epubcheck rejects the others: RSC-020 errors, RSC-023 warnings), so `LinkPolicy`
/// writes a link only when its host can be followed.
///
/// - user: no `[`, `]`, `\` or white space (`wellFormed` keeps brackets in the authority);
/// - host: a bracketed IPv6 address (RFC 4291 text form, an IPv4 tail allowed), a dotted
///   IPv4 address (a name whose last label is numeric must be one, as WHATWG parses it), or
///   a name: labels not empty but the last (`example.org.`), not starting or ending with
///   `-`, none of the characters WHATWG forbids in a host, no `%` (epubcheck cannot parse
///   percent-encoded hosts);
/// - port: digits only.
///
/// One pass over the scalars, no allocation on the common path: it runs for every link.
enum URLAuthority {
    typealias Scalars = Substring.UnicodeScalarView

    static func isValid(_ authority: Substring) -> Bool {
        let scalars = authority.unicodeScalars
        var hostAndPort = scalars[...]
        if let at = scalars.lastIndex(of: "@") {
            guard !scalars[..<at].contains(where: { $0 == "[" || $0 == "]" || $0 == "\\" || isBlankOrControl($0) }) else { return false }
            hostAndPort = scalars[scalars.index(after: at)...]
        }
        var hostEnd = hostAndPort.endIndex
        let bracketed = hostAndPort.first == "["
        if bracketed {
            guard let close = hostAndPort.firstIndex(of: "]"),
                  isIPv6(Substring(hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close])) else { return false }
            hostEnd = hostAndPort.index(after: close)
            guard hostEnd == hostAndPort.endIndex || hostAndPort[hostEnd] == ":" else { return false }
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            hostEnd = colon
        }
        if hostEnd < hostAndPort.endIndex {
            guard hostAndPort[hostAndPort.index(after: hostEnd)...].allSatisfy({ ("0"..."9").contains($0) }) else { return false }
        }
        return bracketed || isName(hostAndPort[..<hostEnd])
    }

    static func isName(_ host: Scalars) -> Bool {
        guard !host.isEmpty else { return false }
        var labelLength = 0
        var previous: Unicode.Scalar = "."
        // The label being read is a number: digits only, or `0x` and hex digits.
        var digitsOnly = true
        var hexForm = false
        var lastLabelNumeric = false
        for scalar in host {
            guard !isForbidden(scalar) else { return false }
            if scalar == "." {
                // An empty label, or one ending in `-`.
                guard labelLength > 0, previous != "-" else { return false }
                lastLabelNumeric = digitsOnly || hexForm
                labelLength = 0
                digitsOnly = true
                hexForm = false
            } else {
                guard labelLength > 0 || scalar != "-" else { return false }
                if labelLength == 1, previous == "0", scalar == "x" || scalar == "X" {
                    hexForm = true
                } else if hexForm, !scalar.properties.isASCIIHexDigit {
                    hexForm = false
                }
                digitsOnly = digitsOnly && ("0"..."9").contains(scalar)
                labelLength += 1
            }
            previous = scalar
        }
        guard previous != "-" else { return false }
        if labelLength > 0 { lastLabelNumeric = digitsOnly || hexForm }
        // WHATWG reads a host whose last label is a number (`1.2.3.999`, `0x7f.1`) as IPv4.
        guard lastLabelNumeric else { return true }
        var labels = String(host).split(separator: ".", omittingEmptySubsequences: false)
        if labels.last?.isEmpty == true { labels.removeLast() }
        return isIPv4(labels)
    }

    /// Four decimal numbers 0–255.
    static func isIPv4(_ labels: [Substring]) -> Bool {
        labels.count == 4 && labels.allSatisfy { $0.count <= 3 && $0.allSatisfy { $0.isASCII && $0.isNumber } && Int($0)! <= 255 }
    }

    /// Eight groups of 1–4 hex digits, or fewer with one `::`; the last two may be an IPv4 address.
    static func isIPv6(_ address: Substring) -> Bool {
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() where !half.isEmpty {
            let parts = half.split(separator: ":", omittingEmptySubsequences: false)
            for (i, part) in parts.enumerated() {
                if index == halves.count - 1, i == parts.count - 1, part.contains(".") {
                    guard isIPv4(part.split(separator: ".", omittingEmptySubsequences: false)) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(part.count), part.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups < 8 : groups == 8
    }

    /// Characters WHATWG forbids in a host, `%` (epubcheck cannot parse percent-encoded
    /// hosts), and white space or controls of any script.
    private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "%", "<", ">", "^", "|", "[", "]", "\\", "@", ":", "/", "?", "#", "\"", "`", "{", "}": return true
        default: return isBlankOrControl(scalar)
        }
    }

    private static func isBlankOrControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v <= 0x20 || v == 0x7F }
        return (0x80...0x9F).contains(v) || scalar.properties.isWhitespace
    }
}
