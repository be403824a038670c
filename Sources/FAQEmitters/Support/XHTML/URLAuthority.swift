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
enum URLAuthority {
    static func isValid(_ authority: Substring) -> Bool {
        var hostAndPort = authority
        if let at = authority.lastIndex(of: "@") {
            let user = authority[..<at]
            guard !user.contains(where: { $0 == "[" || $0 == "]" || $0 == "\\" || $0.isWhitespace || isControl($0) }) else { return false }
            hostAndPort = authority[authority.index(after: at)...]
        }
        let host: Substring
        var port: Substring = ""
        if hostAndPort.hasPrefix("[") {
            guard let close = hostAndPort.firstIndex(of: "]") else { return false }
            guard isIPv6(hostAndPort[hostAndPort.index(after: hostAndPort.startIndex)..<close]) else { return false }
            host = hostAndPort[...close]
            port = hostAndPort[hostAndPort.index(after: close)...]
            guard port.isEmpty || port.first == ":" else { return false }
        } else if let colon = hostAndPort.lastIndex(of: ":") {
            host = hostAndPort[..<colon]
            port = hostAndPort[colon...]
        } else {
            host = hostAndPort
        }
        guard port.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return host.hasPrefix("[") || isName(host)
    }

    static func isName(_ host: Substring) -> Bool {
        let forbidden: Set<Character> = [" ", "%", "<", ">", "^", "|", "[", "]", "\\", "@", ":", "/", "?", "#", "\"", "`", "{", "}"]
        guard !host.isEmpty, !host.contains(where: { forbidden.contains($0) || $0.isWhitespace || isControl($0) }) else { return false }
        var labels = host.split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last!.isEmpty { labels.removeLast() }
        guard !labels.contains(where: { $0.isEmpty || $0.hasPrefix("-") || $0.hasSuffix("-") }) else { return false }
        // WHATWG reads a host whose last label is a number (`1.2.3.999`, `0x7f.1`) as IPv4.
        let last = labels.last!
        if last.allSatisfy({ $0.isASCII && $0.isNumber }) || last.lowercased().hasPrefix("0x") { return isIPv4(labels) }
        return true
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

    private static func isControl(_ c: Character) -> Bool {
        c.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}
