import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why `error` happened, in words for a message that names the file itself: Foundation's
/// file errors describe themselves on Linux as "The operation could not be completed.
/// (NSCocoaErrorDomain error 512.)", where the system's error beneath says why
/// ("Not a directory").
public func errorReason(_ error: any Error) -> String {
    let bridged = error as NSError
    if bridged.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(bridged.code))) }
    // A Swift error of this project or of a library describes itself.
    guard bridged.domain == NSCocoaErrorDomain else { return "\(error)" }
    if let inner = bridged.userInfo[NSUnderlyingErrorKey] as? any Error { return errorReason(inner) }
    if let text = bridged.userInfo[NSLocalizedDescriptionKey] as? String { return text }
    switch CocoaError.Code(rawValue: bridged.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
    case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
    case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
    case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
    case .fileWriteFileExists: return String(cString: strerror(EEXIST))
    default:
        // File reading errors are numbered 256–511, writing ones 512–1023; others describe themselves.
        switch bridged.code {
        case 256..<512: return "the read failed"
        case 512..<1024: return "the write failed"
        default: return "\(error)"
        }
    }
}
