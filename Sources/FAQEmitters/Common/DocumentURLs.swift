import FAQModel

/// Where the document lives on the web: the page URL (the permalink, resolved against
/// `--base-url` when it is a path; else the base URL) and the entry URLs (`page#id`).
/// Shared by the text, JSON and JSON-LD outputs so they agree.
struct DocumentURLs: Sendable {
    /// nil when neither the document nor the options say where it lives.
    let page: String?

    init(_ document: FAQDocument, options: EmitOptions) {
        let permalink = document.metadata.permalink.flatMap { $0.isEmpty ? nil : $0 }
        let base = options.baseURL.flatMap { $0.isEmpty ? nil : $0 }
        var page: String?
        if let permalink {
            if Self.isAbsolute(permalink) || base == nil {
                page = permalink
            } else if let base {
                page = Self.join(base, permalink)
            }
        } else {
            page = base
        }
        // A page URL carries no fragment: entries add theirs.
        if let p = page, let hash = p.firstIndex(of: "#") { page = String(p[..<hash]) }
        // A `javascript:` permalink or base would become every entry's link target.
        if let p = page, LinkPolicy.isForbidden(p) { page = nil }
        self.page = page
    }

    /// `page#id`, or nil when the page is unknown.
    func entry(_ id: String) -> String? { page.map { "\($0)#\(id)" } }

    /// A link target as a reader can follow it: a bare `#fragment` becomes `page#fragment`
    /// when the page is known; anything else is kept as written.
    func resolve(_ url: String) -> String {
        if url.hasPrefix("#"), let page { return page + url }
        return url
    }

    static func isAbsolute(_ url: String) -> Bool { LinkPolicy.scheme(of: url) != nil }

    /// `https://example.org/docs/` + `/guide/faq/`: a path from the root replaces the base's
    /// path; a relative path is appended to the base's directory.
    static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") {
            if let schemeEnd = base.range(of: "://") {
                let afterScheme = base[schemeEnd.upperBound...]
                let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
                return String(base[..<hostEnd]) + path
            }
            return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path
        }
        return (base.hasSuffix("/") ? base : base + "/") + path
    }
}
