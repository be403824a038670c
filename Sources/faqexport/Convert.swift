import ArgumentParser
import FAQEmitters
import FAQExport
import FAQModel
import FAQReaders
import Foundation

/// `faqexport [options] INPUT…`: the default command.
struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert", abstract: "Convert FAQ documents (the default command).")

    @OptionGroup var reading: ReadingOptions

    @Option(name: [.customShort("f"), .long], parsing: .singleValue,
            help: ArgumentHelp("Output format(s), comma-separated: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")). Default: text to standard output, every format with --output-dir.", valueName: "FORMAT"))
    var format: [String] = []

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write the one output to FILE ('-': standard output).", valueName: "FILE"))
    var output: String?

    @Option(name: .customLong("output-dir"), help: ArgumentHelp("Write NAME.EXT per input and format into DIR.", valueName: "DIR"))
    var outputDir: String?

    @Flag(name: .customLong("list-formats"), help: "List the formats (name, extension, media type) and exit.")
    var listFormats = false

    @Option(name: .customLong("man-section"), help: ArgumentHelp("man page section when the front matter gives none.", valueName: "SECTION"))
    var manSection: String?

    @Flag(help: "man: escape non-ASCII characters as \\[uXXXX].")
    var ascii = false

    @Option(parsing: .unconditional, help: ArgumentHelp("text: wrap width in columns; 0 disables wrapping.", valueName: "COLUMNS"))
    var width: Int = 72

    func validate() throws {
        if output != nil && outputDir != nil { throw ValidationError("-o and --output-dir exclude each other") }
        if output == "" { throw ValidationError("-o needs a file name ('-' for standard output)") }
        if outputDir == "" { throw ValidationError("--output-dir needs a directory name") }
        if let manSection, !ManEmitter.isSectionName(manSection) {
            throw ValidationError("--man-section must be a section name such as 1, 3p or 8, not '\(manSection)'")
        }
        // Wider than any terminal or page; a huge value would only allocate huge rules.
        if width < 0 || width > 10_000 { throw ValidationError("--width must be between 0 and 10000") }
        _ = try Self.sourceDateEpoch()
        _ = try formats()
    }

    func formats() throws -> [OutputFormat] {
        let names = format.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if names.isEmpty { return outputDir != nil ? OutputFormat.allCases : [.text] }
        var result: [OutputFormat] = []
        for name in names {
            guard let f = OutputFormat(rawValue: name) else {
                throw ValidationError("unknown format '\(name)'; known formats: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if !result.contains(f) { result.append(f) }
        }
        return result
    }

    mutating func run() throws {
        if listFormats {
            for f in OutputFormat.allCases.map(\.descriptor) {
                print("\(f.name.padding(toLength: 7, withPad: " ", startingAt: 0)) .\(f.fileExtension.padding(toLength: 6, withPad: " ", startingAt: 0)) \(f.mediaType.padding(toLength: 26, withPad: " ", startingAt: 0)) \(f.summary)")
            }
            print("\ninput formats (--from):")
            for syntax in FAQReader.Syntax.inputFormats {
                let extensions = syntax.extensions.map { "." + $0 }.joined(separator: " ")
                print("\(syntax.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(extensions.padding(toLength: 38, withPad: " ", startingAt: 0)) \(syntax.summary)")
            }
            return
        }
        let formats = try formats()
        let inputs = try reading.resolvedInputs()
        // `-o -` and `-o /dev/stdout` mean standard output itself: written as such, a
        // redirection (`>> log`) is honoured rather than its file replaced.
        let output = self.output.flatMap { Self.standardOutputNames.contains($0) ? nil : $0 }
        let toStdout = output == nil && outputDir == nil
        if outputDir == nil {
            if formats.count > 1 { throw ValidationError("several formats need --output-dir") }
            let bindsBook = formats[0].descriptor.bindsBook
            if inputs.count > 1 && !bindsBook { throw ValidationError("several inputs in format '\(formats[0].rawValue)' need --output-dir") }
            if toStdout && formats[0].descriptor.isBinary && isatty(STDOUT_FILENO) != 0 {
                throw ValidationError("refusing to write \(formats[0].rawValue) to a terminal; use -o FILE")
            }
        }

        let exporter = Exporter(readerOptions: reading.readerOptions(), emitOptions: try emitOptions(), lossy: reading.lossy, maxInputSize: reading.maxInputSize)
        let totalBytes = inputs.reduce(0) { $0 + ($1.bytes?.count ?? Self.fileSize($1.path)) }
        let progress = Progress(inputs: inputs.count, totalBytes: totalBytes, quiet: reading.quiet)
        progress.show("reading \(inputs.count) input\(inputs.count == 1 ? "" : "s")…")
        let read = exporter.read(inputs)
        progress.clear()
        reading.report(read.diagnostics)
        if read.failed { throw ExitCode(1) }
        if reading.verbose {
            for (document, timing) in zip(read.documents, read.converters) {
                let converter = timing.map { String(format: " (%@: %.2f s)", $0.name, $0.seconds) } ?? ""
                Diagnostics.printLine("faqexport: read \(document.source ?? "-"): \(document.allEntries.count) questions\(converter)")
            }
        }
        if !toStdout { TemporaryFileCleanup.installSignalHandlers() }
        // The output directory (and what is missing above it) is made by the exporter,
        // and removed again when the run writes nothing.
        let destination: Exporter.Destination
        if let outputDir {
            destination = .directory(outputDir)
        } else if let output {
            destination = .file(output)
        } else {
            destination = .memory
        }
        let emitted: (outputs: [Exporter.Output], diagnostics: [Diagnostic])
        progress.show("writing \(formats.map(\.rawValue).joined(separator: ", "))…")
        do {
            emitted = try exporter.emit(read.documents, formats: formats, to: destination)
        } catch let error as Exporter.CommitError {
            progress.clear()
            Diagnostics.printLine("\(error)")
            if !error.written.isEmpty { Diagnostics.printLine("faqexport: note: already written: \(error.written.joined(separator: ", "))") }
            throw ExitCode(1)
        } catch let error as Exporter.OutputReplacesInput {
            progress.clear()
            Diagnostics.printLine("\(error)")
            throw ExitCode(1)
        } catch let error as Exporter.DirectoryNotCreated {
            progress.clear()
            Diagnostics.printLine("\(error)")
            throw ExitCode(1)
        } catch let error as AtomicFile.WriteError {
            progress.clear()
            Diagnostics.printLine("\(error.path): error: cannot write: \(error.reason)")
            throw ExitCode(1)
        } catch {
            progress.clear()
            Diagnostics.printLine("faqexport: error: \(error)")
            throw ExitCode(1)
        }
        progress.clear()
        reading.report(emitted.diagnostics)
        retainedUntilExit = [read.documents, emitted.outputs]
        if toStdout {
            try writeToStandardOutput(emitted.outputs)
        } else if reading.verbose {
            for out in emitted.outputs { Diagnostics.printLine("faqexport: wrote \(out.path ?? "-") (\(out.byteCount) bytes)") }
        }
    }

    static let standardOutputNames: Set<String> = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// `SOURCE_DATE_EPOCH` as the reproducible-builds spec defines it: decimal seconds,
    /// here from 1970 to 9999-12-31 (what a man page or EPUB date can hold).
    static func sourceDateEpoch() throws -> Int64? {
        guard let value = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] else { return nil }
        guard let epoch = Int64(value), (0...253_402_300_799).contains(epoch) else {
            throw ValidationError("SOURCE_DATE_EPOCH must be seconds since 1970 up to year 9999, not '\(value.prefix(40))'")
        }
        return epoch
    }

    private func emitOptions() throws -> EmitOptions {
        let epoch = try Self.sourceDateEpoch()
        return EmitOptions(
            timestamp: epoch ?? Int64(Date().timeIntervalSince1970), manSection: manSection, asciiOnly: ascii,
            textWidth: width, baseURL: reading.baseURL, generator: "faqexport \(FAQExportCommand.version)")
    }

    private func writeToStandardOutput(_ outputs: [Exporter.Output]) throws {
        for out in outputs {
            do {
                try StandardOutput.write(out.bytes)
            } catch {
                Diagnostics.printLine("faqexport: error: cannot write to standard output: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
