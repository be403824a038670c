/// How to read: settings from the command line that override what a document says.
public struct ReaderOptions: Sendable, Hashable {
    /// The heading level of questions (`--question-level`); detected when nil.
    public var questionLevel: Int?
    /// Base URL for `{{ site.baseurl }}` and `{% link %}`; else a Jekyll `_config.yml` is looked for.
    public var baseURL: String?
    /// Permalinks of the other inputs, by path relative to the site root, for `{% link %}`.
    public var permalinks: [String: String]
    /// Read only the section whose heading has this text (`--section`, case-insensitive);
    /// nil lets the reader find a document's FAQ section itself.
    public var section: String?
    /// Containers nested deeper than this are flattened (with a warning), never recursed into.
    public var maxNesting: Int
    /// Markdown with this many top-level blocks is converted on two threads
    /// (`SplitConversion`); tests lower it to compare both paths.
    var splitThreshold = SplitConversion.defaultThreshold

    public init(questionLevel: Int? = nil, baseURL: String? = nil, permalinks: [String: String] = [:], maxNesting: Int = 64, section: String? = nil) {
        self.questionLevel = questionLevel
        self.section = section
        self.baseURL = baseURL
        self.permalinks = permalinks
        self.maxNesting = maxNesting
    }
}
