namespace OpenGms.Genomics.Normalisation;

/// <summary>Placeholder until -m+ is implemented: writes records as they are.</summary>
internal static class Joiner
{
    public static int JoinAndWrite(VcfNormaliser normaliser, List<VcfNormaliser.Pending> pending, int count)
    {
        for (int i = 0; i < count; i++)
        {
            VcfNormaliser.Pending p = pending[i];
            normaliser.Emit(p.Pos, p.Bytes.AsSpan(0, p.Length));
            System.Buffers.ArrayPool<byte>.Shared.Return(p.Bytes);
        }

        return count;
    }
}
