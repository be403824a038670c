/// How to read: settings from the command line that override what a document says.
public struct ReaderOptions: Sendable, Hashable {
    /// The heading level of questions (`--question-level`); detected when nil.
    public var questionLevel: Int?
    /// The site's address (`--base-url`): Jekyll's `url` + `baseurl`, overriding the
    /// site's `_config.yml`.
    public var baseURL: String?
    /// The Jekyll site the input is in (`FAQReader.jekyllSite(near:)`): where `{% link %}`
    /// targets are looked up, its `url`/`baseurl` and permalink style.
    public var site: JekyllSite?
    /// Where the input is on disk when the `path` it is read under (the name diagnostics
    /// and `source` show) does not say: places it in its site.
    public var filePath: String?
    /// Permalinks of the other inputs, by path, for `{% link %}` when no site is at hand.
    public var permalinks: [String: String]
    /// Read only the section whose heading has this text (`--section`, case-insensitive);
    /// nil lets the reader find a document's FAQ section itself.
    public var section: String?
    /// Containers nested deeper than this are flattened (with a warning), never recursed into.
    public var maxNesting: Int
    /// The rule for ids the author did not write (`--id-style`); detected when nil.
    public var idStyle: IDStyle?
    /// The site generator the input is published with (`FAQReader.siteGenerator(near:)`),
    /// for that detection.
    public var generator: SiteGenerator?
    /// The input's markup (`--from`); nil: the extension, else the content, decides.
    public var syntax: FAQReader.Syntax?
    /// Seconds an external converter (docutils, Asciidoctor) may run (`--converter-timeout`);
    /// nil: 60 s plus 30 s per MB of input.
    public var converterTimeout: Double?
    /// Markdown with this many top-level blocks is converted on two threads
    /// (`SplitConversion`); tests lower it to compare both paths.
    var splitThreshold = SplitConversion.defaultThreshold

    public init(
        questionLevel: Int? = nil, baseURL: String? = nil, site: JekyllSite? = nil, permalinks: [String: String] = [:],
        maxNesting: Int = 64, section: String? = nil, idStyle: IDStyle? = nil, generator: SiteGenerator? = nil,
        syntax: FAQReader.Syntax? = nil, converterTimeout: Double? = nil
    ) {
        self.syntax = syntax
        self.converterTimeout = converterTimeout
        self.questionLevel = questionLevel
        self.section = section
        self.baseURL = baseURL
        self.site = site
        self.permalinks = permalinks
        self.maxNesting = maxNesting
        self.idStyle = idStyle
        self.generator = generator
    }
}
