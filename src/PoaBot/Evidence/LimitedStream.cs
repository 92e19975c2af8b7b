namespace PoaBot.Evidence;

/// <summary>A write-only stream that refuses to take more than a limit: the size a server announces is not trusted.</summary>
public sealed class LimitedStream(Stream inner, long limit) : Stream
{
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => Written;

    public override long Position { get => Written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Take(buffer.Length);
        inner.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Take(buffer.Length);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Take(int count)
    {
        Written += count;
        if (Written > limit)
        {
            throw new TooBigException();
        }
    }
}

/// <summary>More bytes arrived than the limit allows.</summary>
public sealed class TooBigException() : IOException("The file is larger than the limit.")
{
    /// <summary>The exception or one it wraps (the client wraps what the destination stream throws).</summary>
    public static bool In(Exception? ex) => ex is not null && (ex is TooBigException || In(ex.InnerException));
}
