import FAQModel
import Foundation

/// Reading an input file, with errors that say what went wrong in one line.
public enum InputFile {
    public static func bytes(_ path: String, maxSize: Int) throws -> [UInt8] {
        let at = SourceLocation(file: path, line: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ReadError("no such file", at: at)
        }
        if isDirectory.boolValue { throw ReadError("is a directory, not a FAQ document", at: at) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw ReadError("cannot be read (permission denied?)", at: at) }
        defer { try? handle.close() }
        let data: Data?
        do {
            data = try handle.read(upToCount: maxSize == Int.max ? Int.max : maxSize + 1)
        } catch {
            throw ReadError("cannot be read: \(error.localizedDescription)", at: at)
        }
        let bytes = [UInt8](data ?? Data())
        if bytes.count > maxSize { throw ReadError("input is larger than the limit of \(maxSize) bytes (see --max-input-size)", at: at) }
        return bytes
    }
}
