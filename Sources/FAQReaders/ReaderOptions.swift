/// How to read: settings from the command line that override what a document says.
public struct ReaderOptions: Sendable, Hashable {
    /// The heading level of questions (`--question-level`); detected when nil.
    public var questionLevel: Int?
    /// Base URL for `{{ site.baseurl }}` and `{% link %}`; else a Jekyll `_config.yml` is looked for.
    public var baseURL: String?
    /// Permalinks of the other inputs, by path relative to the site root, for `{% link %}`.
    public var permalinks: [String: String]
    /// Containers nested deeper than this are flattened (with a warning), never recursed into.
    public var maxNesting: Int
    /// The input's markup (`--from`); nil: the extension, else the content, decides.
    public var syntax: FAQReader.Syntax?
    /// Seconds an external converter (docutils, Asciidoctor) may run (`--converter-timeout`);
    /// nil: 60 s plus 30 s per MB of input.
    public var converterTimeout: Double?
    /// Markdown with this many top-level blocks is converted on two threads
    /// (`SplitConversion`); tests lower it to compare both paths.
    var splitThreshold = SplitConversion.defaultThreshold

    public init(
        questionLevel: Int? = nil, baseURL: String? = nil, permalinks: [String: String] = [:], maxNesting: Int = 64,
        syntax: FAQReader.Syntax? = nil, converterTimeout: Double? = nil
    ) {
        self.syntax = syntax
        self.converterTimeout = converterTimeout
        self.questionLevel = questionLevel
        self.baseURL = baseURL
        self.permalinks = permalinks
        self.maxNesting = maxNesting
    }
}
