/// What the front matter (or the HTML head) says about the document.
public struct Metadata: Sendable, Hashable {
    public var title: String?
    public var description: String?
    public var keywords: [String]
    /// BCP 47 language tag; `en` when the author gave none.
    public var lang: String
    /// As written by the author (usually `YYYY-MM-DD`); emitters normalise it.
    public var date: String?
    public var permalink: String?
    /// The page's address as its site serves it, when the reader knows the site (a Jekyll
    /// `_config.yml` above the input, or `--base-url`): absolute when the site's address is
    /// known (`https://site.example/docs/guide/faq/`), else from the site root
    /// (`/docs/guide/faq/`). nil otherwise; emitters then use `permalink` and the base URL.
    public var url: String?
    public var authors: [String]
    public var ogTitle: String?
    public var ogDescription: String?
    /// Every other front-matter key, as text, so nothing the author wrote is lost.
    /// Emitter-specific settings (`man_name`, `man_section`, `see_also`, `identifier`…) live here.
    public var extra: [String: String]

    public init(
        title: String? = nil, description: String? = nil, keywords: [String] = [], lang: String = "en",
        date: String? = nil, permalink: String? = nil, url: String? = nil, authors: [String] = [], ogTitle: String? = nil,
        ogDescription: String? = nil, extra: [String: String] = [:]
    ) {
        self.title = title
        self.description = description
        self.keywords = keywords
        self.lang = lang
        self.date = date
        self.permalink = permalink
        self.url = url
        self.authors = authors
        self.ogTitle = ogTitle
        self.ogDescription = ogDescription
        self.extra = extra
    }
}
