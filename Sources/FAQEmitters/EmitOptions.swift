import FAQModel

/// Everything an emitter may depend on besides the document. Time and versions come in
/// here, never from the clock or the environment, so the same input gives the same bytes.
public struct EmitOptions: Sendable, Hashable {
    /// Seconds since 1970 for dates the document does not give: `SOURCE_DATE_EPOCH`, else now.
    public var timestamp: Int64
    /// man(7) section when the front matter gives none (`--man-section`).
    public var manSection: String?
    /// Escape non-ASCII as `\[uXXXX]` in man pages (`--ascii`).
    public var asciiOnly: Bool
    /// Wrap width of plain text; 0 disables wrapping.
    public var textWidth: Int
    /// Base URL for entry URLs and Liquid links when the document has no permalink.
    public var baseURL: String?
    /// The version string of the tool, for generator fields.
    public var generator: String

    public init(
        timestamp: Int64 = 0, manSection: String? = nil, asciiOnly: Bool = false, textWidth: Int = 72,
        baseURL: String? = nil, generator: String = "faqexport"
    ) {
        self.timestamp = timestamp
        self.manSection = manSection
        self.asciiOnly = asciiOnly
        self.textWidth = textWidth
        self.baseURL = baseURL
        self.generator = generator
    }
}
