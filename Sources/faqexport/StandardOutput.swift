import Glibc

/// Writes to standard output with write(2), so a full disk or a closed pipe is an error
/// the command reports (Foundation's FileHandle.write traps on it).
enum StandardOutput {
    struct WriteError: Error, CustomStringConvertible {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }

    static func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteError(code: errno)
            }
            offset += n
        }
    }
}
