using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace OneBotBridge.Simulator.Webhook;

/// <summary>
/// The platform's Ed25519 key for a bot's callbacks: the client secret repeated to at least 32
/// bytes, the first 32 bytes as the seed. (The simulator's own code, not the bridge's.)
/// </summary>
internal sealed class CallbackKey
{
    private readonly Ed25519PrivateKeyParameters _privateKey;
    private readonly Ed25519PublicKeyParameters _publicKey;

    public CallbackKey(string clientSecret)
    {
        var secret = Encoding.UTF8.GetBytes(clientSecret);
        var seed = new byte[Ed25519PrivateKeyParameters.KeySize];
        for (var i = 0; i < seed.Length; i++)
        {
            seed[i] = secret[i % secret.Length];
        }

        _privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        _publicKey = _privateKey.GeneratePublicKey();
        CryptographicOperations.ZeroMemory(seed);
    }

    /// <summary>The hex signature of <paramref name="prefix"/> followed by <paramref name="body"/>.</summary>
    public string Sign(string prefix, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        var head = Encoding.UTF8.GetBytes(prefix);
        signer.BlockUpdate(head, 0, head.Length);
        signer.BlockUpdate(body, 0, body.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }

    /// <summary>Whether <paramref name="signatureHex"/> is this key's signature of <paramref name="text"/>.</summary>
    public bool Verify(string text, string signatureHex)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromHexString(signatureHex);
        }
        catch (FormatException)
        {
            return false;
        }

        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, _publicKey);
        var message = Encoding.UTF8.GetBytes(text);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }
}
