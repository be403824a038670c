import FAQModel
import Foundation

/// Runs a markup converter (docutils, Asciidoctor) as a subprocess: no shell, a clean
/// environment, the document on standard input, a time limit and an output limit. Both
/// output pipes are drained while the document is written, so a large output cannot
/// deadlock the two processes. The converter's own text never becomes part of a document.
struct ConverterProcess {
    /// An interpreter and the script it runs (given with `-c`/`-e`, never through a shell).
    struct Tool: Sendable {
        /// What the user knows it as, in messages: "docutils", "Asciidoctor".
        var name: String
        /// Absolute paths tried first, then each name on PATH.
        var executables: [String]
        var arguments: [String]
        /// The Debian package that provides it, named when it is missing.
        var debianPackage: String
        /// The exit status the script uses to say its library is not installed.
        static let missingLibraryStatus: Int32 = 87
    }

    struct Output: Sendable {
        var stdout: [UInt8]
        var stderr: [UInt8]
        var status: Int32
        var seconds: Double
    }

    var tool: Tool
    var file: String
    var timeout: Double
    var maxOutput: Int

    /// The tool's output, or a one-line `ReadError` naming the input: missing converter
    /// (with its Debian package), time limit, output limit, or the converter's own crash.
    func run(input: [UInt8]) throws -> Output {
        let at = SourceLocation(file: file, line: 1)
        guard let executable = Self.locate(tool.executables) else {
            throw ReadError("\(tool.name) is not installed; install the Debian package '\(tool.debianPackage)' (apt-get install \(tool.debianPackage))", at: at)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = tool.arguments
        process.environment = Self.environment
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            try process.run()
        } catch {
            throw ReadError("\(tool.name) could not be started (\(executable)): \(error.localizedDescription)", at: at)
        }
        let collected = Collected(limit: maxOutput)
        let group = DispatchGroup()
        let pid = process.processIdentifier
        for (pipe, isStdout) in [(stdout, true), (stderr, false)] {
            let handle = pipe.fileHandleForReading
            DispatchQueue.global().async(group: group) {
                Self.drain(handle.fileDescriptor) { chunk in
                    if !collected.append(chunk, toStdout: isStdout) { kill(pid, SIGKILL) }
                }
            }
        }
        let writer = stdin.fileHandleForWriting
        group.enter()
        // A converter that stops reading (it failed, or was killed) closes the pipe. The
        // document is written from a thread of its own that blocks SIGPIPE, so the write
        // fails with EPIPE instead of ending faqexport; the pending signal dies with the thread.
        let writerThread = Thread {
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            Self.write(input, to: writer.fileDescriptor)
            try? writer.close()
            group.leave()
        }
        writerThread.start()
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            kill(pid, SIGKILL)
            finished.wait()
        }
        group.wait()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        if timedOut {
            throw ReadError("\(tool.name) did not finish within \(Self.format(timeout)) s and was stopped (see --converter-timeout)", at: at)
        }
        if collected.overflowed {
            throw ReadError("\(tool.name) wrote more than \(maxOutput) bytes for this input and was stopped", at: at)
        }
        if process.terminationReason == .uncaughtSignal {
            throw ReadError("\(tool.name) was ended by signal \(process.terminationStatus)", at: at)
        }
        if process.terminationStatus == Tool.missingLibraryStatus {
            throw ReadError("\(tool.name) is not installed for \(executable); install the Debian package '\(tool.debianPackage)' (apt-get install \(tool.debianPackage))", at: at)
        }
        return Output(stdout: collected.stdout, stderr: collected.stderr, status: process.terminationStatus, seconds: seconds)
    }

    /// Only what the converters need: no PYTHONPATH, RUBYOPT or locale surprises from the caller.
    static var environment: [String: String] {
        var environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"] { environment["SOURCE_DATE_EPOCH"] = epoch }
        return environment
    }

    /// The first executable: an absolute path as given, a bare name looked up on PATH.
    static func locate(_ candidates: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for candidate in candidates {
            if candidate.hasPrefix("/") {
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                continue
            }
            for directory in path.split(separator: ":") where !directory.isEmpty {
                let full = "\(directory)/\(candidate)"
                if FileManager.default.isExecutableFile(atPath: full) { return full }
            }
        }
        return nil
    }

    private static func drain(_ fd: Int32, _ deliver: ([UInt8]) -> Void) {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                deliver(Array(buffer[..<n]))
            } else if n == 0 || errno != EINTR {
                return
            }
        }
    }

    private static func write(_ bytes: [UInt8], to fd: Int32) {
        var offset = 0
        bytes.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }

    /// Both pipes' bytes, gathered from two threads, with the output limit.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private let limit: Int
        private var out: [UInt8] = []
        private var err: [UInt8] = []
        private var over = false

        init(limit: Int) { self.limit = limit }

        /// False once the limit is passed: the caller stops the converter.
        func append(_ chunk: [UInt8], toStdout: Bool) -> Bool {
            lock.lock()
            defer { lock.unlock() }
            if over { return false }
            if toStdout {
                out += chunk
            } else if err.count < 1 << 20 {
                err += chunk  // diagnostics: only the first MiB is kept
            }
            if out.count > limit { over = true }
            return !over
        }

        var stdout: [UInt8] { lock.lock(); defer { lock.unlock() }; return out }
        var stderr: [UInt8] { lock.lock(); defer { lock.unlock() }; return err }
        var overflowed: Bool { lock.lock(); defer { lock.unlock() }; return over }
    }
}
