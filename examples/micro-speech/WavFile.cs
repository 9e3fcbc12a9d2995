using System;
using System.Buffers.Binary;

namespace TfLiteMicro.Examples.MicroSpeech;

/// <summary>
/// The samples of a RIFF/WAVE file holding 16-bit PCM mono audio (what the speech models were trained on:
/// 16 kHz). Unknown chunks (LIST, fact, ...) are skipped.
/// </summary>
public sealed class WavFile
{
    private WavFile(int sampleRate, short[] samples)
    {
        SampleRate = sampleRate;
        Samples = samples;
    }

    public int SampleRate { get; }

    public short[] Samples { get; }

    public static WavFile Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file.Slice(0, 4).SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new FormatException("not a RIFF/WAVE file");
        int sampleRate = 0;
        bool haveFormat = false;
        int at = 12;
        while (at + 8 <= file.Length)
        {
            ReadOnlySpan<byte> id = file.Slice(at, 4);
            int size = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(at + 4, 4));
            if (size < 0 || at + 8 + (long)size > file.Length) throw new FormatException("WAV chunk runs past the end of the file");
            ReadOnlySpan<byte> body = file.Slice(at + 8, size);
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16) throw new FormatException("WAV format chunk is too short");
                int format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                int channels = BinaryPrimitives.ReadUInt16LittleEndian(body.Slice(2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body.Slice(4));
                int bits = BinaryPrimitives.ReadUInt16LittleEndian(body.Slice(14));
                if (format != 1 || channels != 1 || bits != 16)
                    throw new FormatException("need 16-bit PCM mono audio, got format " + format + ", " + channels + " channels, " + bits + " bits");
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new FormatException("WAV data chunk comes before the format chunk");
                short[] samples = new short[size / 2];
                for (int i = 0; i < samples.Length; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body.Slice(2 * i));
                return new WavFile(sampleRate, samples);
            }
            at += 8 + size + (size & 1);   // chunks are padded to an even size
        }
        throw new FormatException("WAV file has no data chunk");
    }
}
