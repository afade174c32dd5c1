"""TLS credentials for a batch cluster on several machines: a private CA and one certificate and key that
every scheduler, worker and client of the centre presents.

Dask runs whatever a connected client sends, on every worker, which reads the recordings: a scheduler open
to anyone on the network is a remote shell. With these, Dask's TLS security refuses any peer without a
certificate signed by this CA (mutual TLS), so the key file is the cluster's shared secret: copied only to
the cluster's machines, readable by the account that runs Inspector there (docs/security.md).
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

YEARS = 5


@dataclass(frozen=True)
class Credentials:
    ca: Path
    cert: Path
    key: Path

    @classmethod
    def in_folder(cls, folder: Path) -> Credentials:
        return cls(folder / "ca.pem", folder / "node.pem", folder / "node.key")

    def missing(self) -> list[Path]:
        return [p for p in (self.ca, self.cert, self.key) if not p.is_file()]


def scheduler_problem(scheduler: str, credentials: Credentials | None) -> str | None:
    """Why a batch may not use this scheduler, or None: only tls:// with the cluster's credentials."""
    if not scheduler.startswith("tls://") or credentials is None:
        return (f"{scheduler}: a batch reaches a scheduler only over tls:// with the cluster's credentials "
                "(--tls FOLDER): a scheduler without them runs anyone's code (docs/security.md)")
    missing = credentials.missing()
    if missing:
        return (f"{missing[0]}: missing; make the cluster's credentials with inspector batch-credentials FOLDER "
                "and copy them to every machine")
    return None


def make_credentials(folder: Path, name: str = "inspector-batch") -> Credentials:
    from cryptography import x509          # the batch extra's; imported when credentials are made
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    made = Credentials.in_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
          .serial_number(x509.random_serial_number()).not_valid_before(now)
          .not_valid_after(now + datetime.timedelta(days=365 * YEARS))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(ca_name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now).not_valid_after(now + datetime.timedelta(days=365 * YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .sign(ca_key, hashes.SHA256()))
    made.ca.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    made.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    fd = os.open(made.key, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    return made
