namespace Nabla.IO;

/// <summary>
/// Replaces a file all at once: the new content goes to a temporary file beside it, which is flushed to disk and then
/// renamed over the target (rename(2) on Unix, MoveFileEx on Windows). A crash at any moment leaves the old file or
/// the new one, perhaps with a stray ".{name}.{random}.tmp"; a failure deletes the temporary file and leaves the old
/// one untouched.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="path"/> with <paramref name="write"/>, atomically replacing any file already there.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        // Through a symbolic link, the file it points to is replaced and the link kept, as File.Create would write it.
        var target = new FileInfo(Path.GetFullPath(path));
        if (target.LinkTarget is not null && target.ResolveLinkTarget(returnFinalTarget: true) is { } linked) target = new FileInfo(linked.FullName);
        var temporary = Path.Combine(target.DirectoryName!, $".{target.Name}.{Random.Shared.NextInt64():x16}.tmp");
        var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            using (stream)
            {
                if (!OperatingSystem.IsWindows() && target.Exists) File.SetUnixFileMode(stream.SafeFileHandle, target.UnixFileMode);
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, target.FullName, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
            throw;
        }
    }
}
