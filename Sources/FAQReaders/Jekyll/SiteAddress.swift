/// Where a site is served: Jekyll's `url` (scheme and host, `https://site.example`) and
/// `baseurl` (the path below it, `/docs`). From `--base-url` (split after the host), else
/// from `_config.yml`; both empty when unknown.
struct SiteAddress: Sendable, Hashable {
    var url: String
    var baseurl: String

    init(url: String, baseurl: String) {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        self.url = url
        self.baseurl = JekyllSite.trimmedBase(baseurl)
    }

    /// `https://site.example/docs/` → url `https://site.example`, baseurl `/docs`;
    /// `/docs/` → baseurl `/docs` only.
    init(baseURL: String) {
        if let schemeEnd = baseURL.range(of: "://") {
            let rest = baseURL[schemeEnd.upperBound...]
            let hostEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
            self.init(url: String(baseURL[..<hostEnd]), baseurl: String(baseURL[hostEnd...]))
        } else {
            self.init(url: "", baseurl: baseURL)
        }
    }

    /// `--base-url` when given, else the site's `url` and `baseurl`, else nothing known.
    init(baseURL: String?, site: JekyllSite?) {
        if let baseURL, !baseURL.isEmpty {
            self.init(baseURL: baseURL)
        } else {
            self.init(url: site?.url ?? "", baseurl: site?.baseurl ?? "")
        }
    }

    /// Jekyll's `relative_url`: the path under `baseurl` (a URL with a scheme or `//` is kept).
    func relative(_ path: String) -> String {
        if LiquidURL.isAbsolute(path) { return path }
        let tail = path.isEmpty || path.hasPrefix("/") ? path : "/" + path
        return baseurl + tail
    }

    /// Jekyll's `absolute_url`: `url` + `relative_url`; just `relative_url` when `url` is unknown.
    func absolute(_ path: String) -> String {
        if LiquidURL.isAbsolute(path) || url.isEmpty { return relative(path) }
        let relative = relative(path)
        return url + (relative.isEmpty ? "/" : relative)
    }
}

/// URL tests the Liquid filters need.
enum LiquidURL {
    /// Has a scheme (RFC 3986: a letter, then letters, digits, `+`, `.`, `-`, then `:`), as
    /// Addressable's `absolute?` says, or is protocol-relative (`//host/…`): `relative_url`
    /// leaves both as they are.
    static func isAbsolute(_ url: String) -> Bool {
        if url.hasPrefix("//") { return true }
        func isLetter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) }
        var length = 0
        for c in url.unicodeScalars {
            if c == ":" { return length > 0 }
            guard isLetter(c) || (length > 0 && (("0"..."9").contains(c) || c == "+" || c == "." || c == "-")) else { return false }
            length += 1
        }
        return false
    }
}
