import FAQEmitters
import FAQModel
import FAQReaders
import Foundation

/// The whole pipeline as a library call: read every input once (concurrently), then run
/// every requested emitter on the same values (concurrently), all in memory. Writing is
/// the caller's choice, so nothing is written unless everything succeeded.
public struct Exporter: Sendable {
    public struct Input: Sendable {
        /// A path, or `-` for standard input (then `bytes` holds what was read).
        public var path: String
        public var bytes: [UInt8]?
        public init(path: String, bytes: [UInt8]? = nil) {
            self.path = path
            self.bytes = bytes
        }
    }

    public struct Output: Sendable {
        public var name: String
        public var format: OutputFormat
        public var bytes: [UInt8]
        /// The input it came from (the first one, for a book).
        public var source: String?
        public var fileName: String { "\(name).\(format.fileExtension)" }
    }

    public var readerOptions: ReaderOptions
    public var emitOptions: EmitOptions
    public var lossy: Bool
    public var maxInputSize: Int

    public init(readerOptions: ReaderOptions = ReaderOptions(), emitOptions: EmitOptions = EmitOptions(), lossy: Bool = false, maxInputSize: Int = 256 << 20) {
        self.readerOptions = readerOptions
        self.emitOptions = emitOptions
        self.lossy = lossy
        self.maxInputSize = maxInputSize
    }

    /// Reads the inputs; the first error stops the run (after all were tried, so every
    /// broken input is reported), warnings are collected.
    public func read(_ inputs: [Input]) -> (documents: [FAQDocument], diagnostics: [Diagnostic], failed: Bool) {
        let loaded = ConcurrentMap.map(inputs) { input -> Swift.Result<[UInt8], ReadError> in
            do {
                let bytes = try input.bytes ?? InputFile.bytes(input.path, maxSize: maxInputSize)
                if bytes.count > maxInputSize {
                    throw ReadError("input is larger than the limit of \(maxInputSize) bytes (see --max-input-size)", at: SourceLocation(file: input.path, line: 1))
                }
                return .success(bytes)
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError("\(error)", at: SourceLocation(file: input.path, line: 1)))
            }
        }
        let permalinks = Self.permalinks(inputs, loaded)
        let results = ConcurrentMap.map(Array(zip(inputs, loaded))) { input, bytes -> Swift.Result<FAQReader.Result, ReadError> in
            do {
                var options = readerOptions
                if options.baseURL == nil, input.path != "-" { options.baseURL = FAQReader.jekyllBaseURL(near: input.path) }
                options.permalinks.merge(permalinks) { given, _ in given }
                return .success(try FAQReader.read(bytes: bytes.get(), path: input.path, syntax: .init(path: input.path), options: options, lossy: lossy))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError("\(error)", at: SourceLocation(file: input.path, line: 1)))
            }
        }
        var documents: [FAQDocument] = []
        var diagnostics: [Diagnostic] = []
        var failed = false
        for result in results {
            switch result {
            case .success(let read):
                documents.append(read.document)
                diagnostics += read.diagnostics
            case .failure(let error):
                diagnostics.append(error.diagnostic)
                failed = true
            }
        }
        return (documents, diagnostics, failed)
    }

    /// Every format for every document; a book format binds several documents into one output.
    public func emit(_ documents: [FAQDocument], formats: [OutputFormat]) throws -> (outputs: [Output], diagnostics: [Diagnostic]) {
        struct Job: Sendable { var format: OutputFormat; var documents: [FAQDocument] }
        var jobs: [Job] = []
        for format in formats {
            if documents.count > 1, format.emitter is any BookEmitter {
                jobs.append(Job(format: format, documents: documents))
            } else {
                jobs += documents.map { Job(format: format, documents: [$0]) }
            }
        }
        // The costliest jobs start first, so the cores finish together instead of one
        // running JSON alone at the end; outputs keep the requested order.
        let order = jobs.indices.sorted { (-Self.relativeCost(jobs[$0].format), $0) < (-Self.relativeCost(jobs[$1].format), $1) }
        let options = emitOptions
        let costliestFirst = ConcurrentMap.map(order.map { jobs[$0] }) { job -> Swift.Result<(Output, [Diagnostic]), Error> in
            Swift.Result {
                let emitter = job.format.emitter
                let result: EmitResult
                if job.documents.count > 1, let book = emitter as? any BookEmitter {
                    result = try book.emit(book: job.documents, options: options)
                } else {
                    result = try emitter.emit(job.documents[0], options: options)
                }
                let output = Output(
                    name: OutputName.of(job.documents[0]), format: job.format, bytes: try result.output.serialized(),
                    source: job.documents[0].source)
                // Emitter warnings that cannot point into the input still name its file.
                let file = job.documents[0].source ?? "-"
                let located = result.diagnostics.map { d -> Diagnostic in
                    var d = d
                    if d.location == nil { d.location = SourceLocation(file: file, line: 1) }
                    return d
                }
                return (output, located)
            }
        }
        var results = costliestFirst
        for (position, index) in order.enumerated() { results[index] = costliestFirst[position] }
        var outputs: [Output] = []
        var diagnostics: [Diagnostic] = []
        for result in results {
            let (output, found) = try result.get()
            outputs.append(output)
            diagnostics += found
        }
        return (outputs, diagnostics)
    }
}

extension Exporter {
    /// `{% link guide/x.md %}` points at the permalink of that input when it is one of the
    /// inputs: each input's permalink, by every tail of its path (`site/guide/x.md`,
    /// `guide/x.md`, `x.md`), the first input winning a tie.
    static func permalinks(_ inputs: [Input], _ loaded: [Swift.Result<[UInt8], ReadError>]) -> [String: String] {
        var map: [String: String] = [:]
        for (input, bytes) in zip(inputs, loaded) where input.path != "-" {
            guard let bytes = try? bytes.get(), let permalink = FAQReader.permalink(in: bytes) else { continue }
            let parts = input.path.split(separator: "/").filter { $0 != "." }
            for start in parts.indices {
                let key = parts[start...].joined(separator: "/")
                if map[key] == nil { map[key] = permalink }
            }
        }
        return map
    }

    /// Emitter cost on a large FAQ, relative (measured by `make bench`, see bench/NOTES.md).
    static func relativeCost(_ format: OutputFormat) -> Int {
        switch format {
        case .json: return 6
        case .epub: return 5
        case .text: return 4
        case .jsonld: return 3
        case .xhtml: return 2
        case .man: return 1
        }
    }
}

/// `map` on all cores, results in input order.
enum ConcurrentMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        DispatchQueue.concurrentPerform(iterations: items.count) { i in slots[i] = transform(items[i]) }
        return results.map { $0! }
    }
}
