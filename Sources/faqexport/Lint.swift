import ArgumentParser
import FAQExport
import FAQModel

/// `faqexport lint INPUT…`: read and check, write nothing.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check FAQ documents and print their diagnostics; exit 1 on any error.")

    @OptionGroup var reading: ReadingOptions

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    mutating func run() throws {
        let exporter = Exporter(readerOptions: reading.readerOptions(), lossy: reading.lossy, maxInputSize: reading.maxInputSize)
        let read = exporter.read(try reading.resolvedInputs())
        reading.report(read.diagnostics, warningsAreErrors: strict)
        retainedUntilExit = [read.documents]
        if read.failed || (strict && read.diagnostics.contains { $0.severity == .warning }) { throw ExitCode(1) }
        if reading.verbose {
            for document in read.documents {
                Diagnostics.printLine("\(document.source ?? "-"): \(document.allEntries.count) questions")
            }
        }
    }
}
