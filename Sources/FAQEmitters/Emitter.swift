import FAQModel

/// One output format. Emitters receive the finished model and nothing else: they never
/// see a reader or a C library, and they are pure (same document and options, same bytes).
public protocol Emitter: Sendable {
    func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult
}

/// A format that can bind several documents into one output (an EPUB with a chapter each).
public protocol BookEmitter: Emitter {
    func emit(book documents: [FAQDocument], options: EmitOptions) throws -> EmitResult
}

/// What an emitter produced, plus what it had to leave out (lossy output is reported, not hidden).
public struct EmitResult: Sendable {
    public var output: EmitOutput
    public var diagnostics: [Diagnostic]
    public init(_ output: EmitOutput, diagnostics: [Diagnostic] = []) {
        self.output = output
        self.diagnostics = diagnostics
    }
}

public enum EmitOutput: Sendable {
    /// A text file, UTF-8.
    case text(String)
    /// A package (EPUB) as its entries in archive order; zipped by `ArchiveEntry.zip`.
    case archive([ArchiveEntry])
}

public struct ArchiveEntry: Sendable, Hashable {
    public var path: String
    public var data: [UInt8]
    /// `mimetype` must be stored uncompressed in an EPUB.
    public var compressed: Bool
    public init(path: String, data: [UInt8], compressed: Bool = true) {
        self.path = path
        self.data = data
        self.compressed = compressed
    }
}
