/// Whose rule makes the ids the author did not write: the platform the source is published
/// with, so a link written against the published page finds the same id here.
public enum IDStyle: String, CaseIterable, Sendable, Hashable {
    /// GitHub (READMEs, wikis, Markdown without front matter); Docusaurus uses the same rule.
    case github
    /// kramdown as Jekyll runs it (its GFM parser, Jekyll's default `input`).
    case kramdown
    /// kramdown's own parser (`kramdown: {input: kramdown}` in a Jekyll `_config.yml`).
    case kramdownClassic = "kramdown-classic"
    /// Goldmark as Hugo configures it (`autoHeadingIDType: github`, Hugo's default).
    case goldmark
    /// Python-Markdown's `toc` extension, as MkDocs runs it.
    case mkdocs
    /// Pandoc's `auto_identifiers`.
    case pandoc

    /// A fresh generator for one document.
    func rule() -> any PlatformIDRule {
        switch self {
        case .github: return GitHubSlugs()
        case .kramdown: return KramdownIDs()
        case .kramdownClassic: return KramdownClassicIDs()
        case .goldmark: return GoldmarkIDs()
        case .mkdocs: return MkDocsIDs()
        case .pandoc: return PandocIDs()
        }
    }

    /// How the README and `-v` name it.
    var platform: String {
        switch self {
        case .github: return "GitHub's"
        case .kramdown: return "kramdown's (as Jekyll runs it)"
        case .kramdownClassic: return "kramdown's own parser's"
        case .goldmark: return "Goldmark's (as Hugo runs it)"
        case .mkdocs: return "Python-Markdown's (as MkDocs runs it)"
        case .pandoc: return "Pandoc's"
        }
    }
}

/// One platform's id generator: the slug it makes of a heading and how it makes repeats
/// unique, fed the headings it gives ids to in document order.
protocol PlatformIDRule: Sendable {
    /// The id the platform gives the next heading; "" when it gives none.
    mutating func next(_ heading: HeadingText) -> String
    /// An id the author wrote in the platform's own syntax (`{#id}`): Pandoc and Goldmark
    /// keep later generated ids clear of it, GitHub and kramdown do not look.
    mutating func reserve(_ id: String)
    /// The platform's slug of a heading before any suffix, for elements the platform gives
    /// no id (HTML headings, `<dt>`, `<details>`) but the model needs one for.
    func slug(_ heading: HeadingText) -> String
    /// Whether `{#id}` and kramdown's `{: #id}` are the platform's syntax: then a heading
    /// with one gets no generated id. GitHub shows such a block as text and still slugs.
    var honoursAttributeBlocks: Bool { get }
    /// Whether the author's `{#id}`s are known before any id is generated (MkDocs collects
    /// the page's ids first), rather than as the page is read.
    var reservesAheadOfTime: Bool { get }
}

extension PlatformIDRule {
    var reservesAheadOfTime: Bool { false }
}
