import FAQModel

/// One output format. Emitters receive the finished model and nothing else: they never
/// see a reader or a C library, and they are pure (same document and options, same bytes).
///
/// One requirement, one way to write: `write` streams the output into a sink (a file in
/// chunks, or memory). It has no default, so a conforming type must write: `struct X:
/// Emitter {}` does not compile. (A test cannot assert that something fails to compile;
/// the compiler holds it as long as no extension gives `write` a default — keep it so.)
/// `emit` below is a convenience built on `write`, not a requirement.
public protocol Emitter: Sendable {
    /// Writes the output into `sink`; returns what had to be left out.
    func write(_ document: FAQDocument, options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic]
}

/// A format that can bind several documents into one output (an EPUB with a chapter
/// each). Its one requirement has no default either.
public protocol BookEmitter: Emitter {
    /// Writes one output made of every document into `sink`.
    func write(book documents: [FAQDocument], options: EmitOptions, to sink: OutputSink) throws -> [Diagnostic]
}

extension Emitter {
    /// The whole output in memory (tests, the fuzz harness): `write` into a memory sink.
    public func emit(_ document: FAQDocument, options: EmitOptions) throws -> EmitResult {
        let sink = OutputSink()
        let diagnostics = try write(document, options: options, to: sink)
        return EmitResult(bytes: sink.bytes, diagnostics: diagnostics)
    }
}

extension BookEmitter {
    /// The whole book in memory: `write(book:)` into a memory sink.
    public func emit(book documents: [FAQDocument], options: EmitOptions) throws -> EmitResult {
        let sink = OutputSink()
        let diagnostics = try write(book: documents, options: options, to: sink)
        return EmitResult(bytes: sink.bytes, diagnostics: diagnostics)
    }
}

/// An output held in memory, plus what the emitter had to leave out (lossy output is
/// reported, not hidden).
public struct EmitResult: Sendable {
    public var bytes: [UInt8]
    public var diagnostics: [Diagnostic]
    public init(bytes: [UInt8], diagnostics: [Diagnostic] = []) {
        self.bytes = bytes
        self.diagnostics = diagnostics
    }

    /// The bytes as UTF-8 text (every format but EPUB is text).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
