import Foundation

/// Runs a real validator (mandoc, groff, xmllint, epubcheck, python3 -m jsonschema…).
/// A missing tool is a failure, not a skip: `make test` installs them all.
public enum ExternalTool {
    public struct Run {
        public init(status: Int32, stdout: String, stderr: String) {
            self.status = status
            self.stdout = stdout
            self.stderr = stderr
        }
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `arguments` (looked up on PATH), or `executable` with `arguments`, in `directory`.
    public static func run(
        _ arguments: [String], executable: String? = nil, stdin: [UInt8]? = nil, environment: [String: String]? = nil,
        directory: URL? = nil
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? "/usr/bin/env")
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Read both pipes while the tool runs, so a chatty tool cannot block on a full pipe.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Writes bytes to a fresh temporary file (for tools that want a path) and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> String {
        let path = NSTemporaryDirectory() + "faqexport-test-\(UUID().uuidString)\(suffix)"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}

/// Thrown by a test when an emitter gave a different kind of output than expected.
public struct UnexpectedOutput: Error {
    public init() {}
}
