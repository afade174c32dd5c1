// The log-in form (its own file: the page's Content-Security-Policy runs no inline script).
document.getElementById("login").addEventListener("submit", async (event) => {
  event.preventDefault();
  const error = document.getElementById("error");
  error.textContent = "";
  const response = await fetch("/api/v1/login", {
    method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({user: document.getElementById("user").value,
                          password: document.getElementById("password").value})});
  if (response.ok) { window.location.href = "/dashboard"; return; }
  error.textContent = response.status === 401 ? "用户名或密码错误"
    : response.status === 429 ? "失败次数过多，请稍后再试" : "登录失败（" + response.status + "）";
});
