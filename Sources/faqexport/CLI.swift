import ArgumentParser
import Foundation

/// Runs the command and maps every outcome to the documented exit codes.
enum CLI {
    static func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try FAQExportCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        } catch {
            let code = FAQExportCommand.exitCode(for: error)
            if code == .success {
                print(FAQExportCommand.fullMessage(for: error))  // --help, --version
                return 0
            }
            // One line, like every other diagnostic; the usage is one --help away.
            var message = FAQExportCommand.message(for: error)
            if message.hasPrefix("Error: ") { message.removeFirst(7) }
            message = message.split(separator: "\n").first.map(String.init) ?? message
            Diagnostics.printLine("faqexport: error: \(message) (see 'faqexport --help')")
            return 2
        }
    }
}

enum Diagnostics {
    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
