import FAQModel
import FAQReaders

extension Exporter {
    /// Reads the inputs; the first error stops the run (after all were tried, so every
    /// broken input is reported), warnings are collected.
    public func read(_ inputs: [Input]) -> (documents: [FAQDocument], diagnostics: [Diagnostic], failed: Bool, converters: [FAQReader.ConverterTiming?]) {
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
                if options.site == nil, input.path != "-" { options.site = FAQReader.jekyllSite(near: input.path) }
                if options.generator == nil, input.path != "-" { options.generator = FAQReader.siteGenerator(near: input.path) }
                options.permalinks.merge(permalinks) { given, _ in given }
                return .success(try FAQReader.read(bytes: bytes.get(), path: input.path, options: options, lossy: lossy))
            } catch let error as ReadError {
                return .failure(error)
            } catch {
                return .failure(ReadError("\(error)", at: SourceLocation(file: input.path, line: 1)))
            }
        }
        var documents: [FAQDocument] = []
        var converters: [FAQReader.ConverterTiming?] = []
        var diagnostics: [Diagnostic] = []
        var failed = false
        for result in results {
            switch result {
            case .success(let read):
                documents.append(read.document)
                converters.append(read.converter)
                diagnostics += read.diagnostics
            case .failure(let error):
                diagnostics.append(error.diagnostic)
                failed = true
            }
        }
        return (documents, diagnostics, failed, converters)
    }

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
}
