import FAQEmitters
import FAQModel
import Foundation

extension Exporter {
    /// One output of a run: its format, the documents it is made from (several for a
    /// book) and its name and path.
    struct Job: Sendable {
        var format: OutputFormat
        var documents: [FAQDocument]
        var output: Output
    }

    /// The outputs of a run, in the requested order: every format for every document, a
    /// book format binding several documents into one output. Refused before any work:
    /// two inputs writing one file, several outputs to one file, an output over an input.
    func plan(_ documents: [FAQDocument], formats: [OutputFormat], destination: Destination) throws -> [Job] {
        var jobs: [Job] = []
        func add(_ format: OutputFormat, _ documents: [FAQDocument]) {
            let fileExtension = format.descriptor.fileExtension(for: documents[0], options: emitOptions)
            var output = Output(name: OutputName.of(documents[0]), format: format, bytes: [], source: documents[0].source, fileExtension: fileExtension)
            switch destination {
            case .memory: break
            case .directory(let dir): output.path = (dir as NSString).appendingPathComponent(output.fileName)
            case .file(let path): output.path = path
            }
            jobs.append(Job(format: format, documents: documents, output: output))
        }
        for format in formats {
            if documents.count > 1, format.descriptor.bindsBook {
                add(format, documents)
            } else {
                for document in documents { add(format, [document]) }
            }
        }
        switch destination {
        case .directory: try Self.checkCollisions(jobs.map(\.output))
        case .file(let path) where jobs.count > 1: throw SeveralOutputsToOneFile(path: path, count: jobs.count)
        default: break
        }
        try Self.checkInputsKept(jobs.map(\.output), inputs: documents.compactMap(\.source))
        return jobs
    }

    /// No output may land on an input (`-o faq.md faq.md`, or `--output-dir .` over a
    /// `NAME.txt` input): compared by device and inode, so links and `./` spellings count.
    static func checkInputsKept(_ outputs: [Output], inputs: [String]) throws {
        func identity(_ path: String) -> (dev_t, ino_t)? {
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return (info.st_dev, info.st_ino)
        }
        let sources = inputs.filter { $0 != "-" }.compactMap { path in identity(path).map { (path, $0) } }
        guard !sources.isEmpty else { return }
        for output in outputs {
            guard let path = output.path, let target = identity(path) else { continue }
            if let source = sources.first(where: { $0.1 == target }) {
                throw OutputReplacesInput(path: path, input: source.0)
            }
        }
    }

    /// Two inputs with the same NAME would overwrite each other's files.
    static func checkCollisions(_ outputs: [Output]) throws {
        var seen: [String: String] = [:]
        for out in outputs {
            let source = out.source ?? "-"
            if let other = seen[out.fileName], other != source {
                throw OutputCollision(fileName: out.fileName, sources: (other, source))
            }
            seen[out.fileName] = source
        }
    }
}
