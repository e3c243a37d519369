package it.comuni.peg.web.sicurezza;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles the POST of its form (SicurezzaWebConfig). */
@Controller
public class AccessoController {

    @GetMapping("/accesso")
    String accesso() {
        return "accesso";
    }
}
