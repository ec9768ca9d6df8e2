using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace OneBotBridge.QQ.Webhook;

/// <summary>
/// The bot's Ed25519 key for HTTP callbacks, derived from the client secret the way the platform
/// does: the secret repeated until it is at least 32 bytes long, its first 32 bytes as the seed.
/// </summary>
internal sealed class WebhookKey
{
    public const int SignatureSize = 64;
    private const int SeedSize = 32;

    private readonly Ed25519PrivateKeyParameters _privateKey;
    private readonly Ed25519PublicKeyParameters _publicKey;

    private WebhookKey(Ed25519PrivateKeyParameters privateKey)
    {
        _privateKey = privateKey;
        _publicKey = privateKey.GeneratePublicKey();
    }

    public static WebhookKey FromClientSecret(string clientSecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientSecret);
        var secret = Encoding.UTF8.GetBytes(clientSecret);
        var seed = new byte[SeedSize];
        try
        {
            for (var i = 0; i < seed.Length; i++)
            {
                seed[i] = secret[i % secret.Length];
            }

            return new WebhookKey(new Ed25519PrivateKeyParameters(seed, 0));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(seed);
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    public byte[] PublicKey => _publicKey.GetEncoded();

    public byte[] Sign(byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }

    public bool Verify(byte[] message, byte[] signature)
    {
        var verifier = new Ed25519Signer();
        verifier.Init(forSigning: false, _publicKey);
        verifier.BlockUpdate(message, 0, message.Length);
        return verifier.VerifySignature(signature);
    }
}
