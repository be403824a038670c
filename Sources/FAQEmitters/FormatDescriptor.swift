import FAQModel

/// Everything the tool knows about one format, in one value: its name, file extension,
/// media type, whether it binds a book, its relative cost, its help line and its emitter.
/// `OutputFormat`, `--list-formats`, `--help` and the exporter's scheduling read it; each
/// format's folder declares its own (`ManEmitter.format`, `EPUBEmitter.format`…).
public struct FormatDescriptor: Sendable {
    /// What `--format` accepts.
    public let name: String
    /// The usual file extension, without the dot (listed by `--list-formats`).
    public let fileExtension: String
    public let mediaType: String
    /// The line `--list-formats` prints after the name, extension and media type.
    public let summary: String
    /// Binary outputs are never written to a terminal.
    public let isBinary: Bool
    /// Emitter time on a large FAQ relative to the others (bench/NOTES.md): the costliest
    /// jobs start first, so the cores finish together.
    public let relativeCost: Int
    /// A document's own extension when it may differ from `fileExtension` (a man page's is
    /// its section: `NAME.SECTION`).
    private let extensionRule: (@Sendable (FAQDocument, EmitOptions) -> String)?
    private let makeEmitter: @Sendable () -> any Emitter

    public init(
        name: String, fileExtension: String, mediaType: String, summary: String, isBinary: Bool = false,
        relativeCost: Int, extensionRule: (@Sendable (FAQDocument, EmitOptions) -> String)? = nil,
        emitter: @escaping @Sendable () -> any Emitter
    ) {
        self.name = name
        self.fileExtension = fileExtension
        self.mediaType = mediaType
        self.summary = summary
        self.isBinary = isBinary
        self.relativeCost = relativeCost
        self.extensionRule = extensionRule
        self.makeEmitter = emitter
    }

    public var emitter: any Emitter { makeEmitter() }

    /// Several documents make one output (a book) rather than one output each.
    public var bindsBook: Bool { makeEmitter() is any BookEmitter }

    /// The extension of `document`'s output file.
    public func fileExtension(for document: FAQDocument, options: EmitOptions) -> String {
        extensionRule?(document, options) ?? fileExtension
    }
}
