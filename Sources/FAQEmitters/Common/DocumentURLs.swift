import FAQModel

/// Where the document lives on the web: the page URL (the reader's `Metadata.url`, else the
/// permalink under `--base-url`, else the base URL) and the entry URLs (`page#id`); and
/// links as a reader off the site follows them. Shared by the outputs that leave the site
/// (text, man, EPUB, JSON, JSON-LD) so they agree.
struct DocumentURLs: Sendable {
    /// nil when neither the document nor the options say where it lives.
    let page: String?

    init(_ document: FAQDocument, options: EmitOptions) {
        let own = (document.metadata.url ?? document.metadata.permalink).flatMap { $0.isEmpty ? nil : $0 }
        let base = options.baseURL.flatMap { $0.isEmpty ? nil : $0 }
        var page: String?
        if let own {
            if Self.isAbsolute(own) || base == nil {
                page = own
            } else if let base {
                page = Self.join(base, own)
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
    /// when the page is known, and a relative reference is resolved (`absolute(_:)`);
    /// anything else, or what cannot be resolved, is kept as written.
    func resolve(_ url: String) -> String {
        if url.hasPrefix("#"), let page { return page + url }
        return absolute(url) ?? url
    }

    /// A relative reference (`/blog/x`, `../other.html`, `other.html`) resolved against an
    /// absolute `http(s)` page URL, as RFC 3986 says (Foundation's `URL(string:relativeTo:)`:
    /// dot-segments removed); nil for other URLs, or when the page's address is not known.
    func absolute(_ url: String) -> String? {
        guard LinkPolicy.classify(url) == .relative else { return nil }
        return LinkPolicy.resolve(url, against: page)
    }

    /// Relative links of the document that `absolute(_:)` cannot resolve (the page's address
    /// is unknown): how many, and where the first is; nil when there are none.
    func unresolvedRelativeLinks(in document: FAQDocument) -> (count: Int, first: String, location: SourceLocation?)? {
        if let page, LinkPolicy.scheme(of: page) == "http" || LinkPolicy.scheme(of: page) == "https" { return nil }
        var count = 0
        var first: (url: String, location: SourceLocation?)?
        func visit(_ blocks: [Block], _ location: SourceLocation?) {
            blocks.forEachLink { link in
                // An empty URL names the page itself, not another one.
                guard LinkPolicy.classify(link.url) == .relative, link.url.contains(where: { !$0.isWhitespace }) else { return }
                count += 1
                if first == nil { first = (link.url, location) }
            }
        }
        visit(document.preamble, nil)
        switch document.body {
        case .entries(let entries):
            for e in entries { visit(e.answer, e.location) }
        case .sections(let sections):
            for s in sections {
                visit(s.intro, s.location)
                for e in s.entries { visit(e.answer, e.location) }
            }
        }
        return first.map { (count, $0.url, $0.location) }
    }

    static func isAbsolute(_ url: String) -> Bool { LinkPolicy.scheme(of: url) != nil }

    /// `https://example.org/docs/` + `/guide/faq/` → `https://example.org/docs/guide/faq/`:
    /// the base is the site's address (Jekyll's `url` + `baseurl`) and a permalink is a path
    /// below it; a relative path is appended to the base's directory.
    static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") { return (base.hasSuffix("/") ? String(base.dropLast()) : base) + path }
        return (base.hasSuffix("/") ? base : base + "/") + path
    }
}
