import FAQModel

/// One output format. Emitters receive the finished model and nothing else: they never
/// see a reader or a C library, and they are pure (same document and options, same bytes).
///
/// Two ways in, each with a default made from the other, so an emitter implements the
/// one that suits it: `write` streams into a sink (text formats: how the tool writes large
/// outputs to files), `emit` returns the whole output as a value (the EPUB's entries).
public protocol Emitter: Sendable {
    func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult
    /// Writes the output into `sink`; returns what had to be left out.
    func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic]
}

extension Emitter {
    public func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult {
        let sink = OutputSink()
        let diagnostics = try write(document, options: options, to: sink)
        return EmitResult(.text(String(decoding: sink.bytes, as: UTF8.self)), diagnostics: diagnostics)
    }

    public func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        let result = try emit(document, options: options)
        try sink.write(result.output.serialized())
        return result.diagnostics
    }
}

/// A format that can bind several documents into one output (an EPUB with a chapter each).
public protocol BookEmitter: Emitter {
    func emit(book documents: [FAQDocument], options: EmitOptions) throws -> EmitResult
}

extension BookEmitter {
    public func write(book documents: [FAQDocument], options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic] {
        let result = try emit(book: documents, options: options)
        try sink.write(result.output.serialized())
        return result.diagnostics
    }
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
