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
            let message = FAQExportCommand.fullMessage(for: error)
            if code == .success {
                print(message)  // --help, --version
                return 0
            }
            Diagnostics.printLine("faqexport: error: \(message)")
            Diagnostics.printLine("Run 'faqexport --help' for usage.")
            return 2
        }
    }
}

enum Diagnostics {
    static func printLine(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
