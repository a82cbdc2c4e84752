package layout

import (
	"encoding/json"
	"testing"
)

// The JSON files cross from host tools to the guest's init; their field
// names are the contract.
func TestJSONFieldNames(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want string
	}{
		{Image{Main: "main/x/x_test", Workspace: "main"}, `{"main":"main/x/x_test","workspace":"main"}`},
		{Run{Args: []string{"-test.v"}, Env: []string{"A=1"}}, `{"args":["-test.v"],"env":["A=1"]}`},
	} {
		got, err := json.Marshal(tc.v)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tc.want {
			t.Errorf("got %s, want %s", got, tc.want)
		}
	}
}

func TestRunfile(t *testing.T) {
	if got := Runfile("main/tests/x/x_test"); got != "/runfiles/main/tests/x/x_test" {
		t.Errorf("Runfile = %q", got)
	}
}
